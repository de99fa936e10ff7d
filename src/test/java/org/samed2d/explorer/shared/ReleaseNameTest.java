package org.samed2d.explorer.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReleaseNameTest {

    @Test
    void splits_image_names_on_double_dashes_only() throws Exception {
        ReleaseName name = ReleaseName.image("mr_00--ACDC--patient001_frame01--x_0006.png");
        assertThat(name.modality()).isEqualTo(new Modality("mr_00", "mr", null));
        assertThat(name.dataset()).isEqualTo("ACDC");
        assertThat(name.caseName()).isEqualTo("patient001_frame01");
        assertThat(name.axis()).isEqualTo(Axis.X);
        assertThat(name.slice()).isEqualTo(6);
        assertThat(name.isMask()).isFalse();
        assertThat(name.stem()).isEqualTo("mr_00--ACDC--patient001_frame01--x_0006");
    }

    @Test
    void reads_class_id_and_instance_of_masks() throws Exception {
        ReleaseName name = ReleaseName.mask("ct_00--CAD_PE--001--x_0125--0000_002.png");
        assertThat(name.classId()).isEqualTo("0000");
        assertThat(name.instance()).isEqualTo(2);
        assertThat(name.stem()).isEqualTo("ct_00--CAD_PE--001--x_0125");
    }

    @Test
    void keeps_dots_and_underscores_in_case_names_and_reads_2d_sources() throws Exception {
        ReleaseName name = ReleaseName.image("x_ray--covid_19_ct_cxr--1.3.6.1.4.1.9328.50.4.0103--2d_none.png");
        assertThat(name.modality()).isEqualTo(new Modality("x_ray", "x_ray", null));
        assertThat(name.caseName()).isEqualTo("1.3.6.1.4.1.9328.50.4.0103");
        assertThat(name.axis()).isEqualTo(Axis.TWO_D);
        assertThat(name.slice()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "ct_00, ct, ",
            "mr_t1ce, mr, t1ce",
            "ct_cbf, ct, cbf",
            "pet_00, pet, ",
            "ultrasound_00, ultrasound, ",
            "fundus_photography, fundus_photography, ",
            "x_ray, x_ray, ",
            "histopathology_00, histopathology, ",
            "thermal_ir, thermal_ir, "})
    void splits_modality_into_base_and_sub_modality(String name, String base, String sub) {
        assertThat(Modality.parse(name)).isEqualTo(new Modality(name, base, sub));
    }

    @ParameterizedTest
    @CsvSource({
            "ct_00--AMOS2022--amos_0004.png, expected 4 parts",
            "ct_00--AMOS2022--amos_0004--q_0075.png, unknown axis 'q'",
            "ct_00--AMOS2022--amos_0004--z_abc.png, slice must be a number",
            "ct_00--AMOS2022--amos_0004--z_0075.jpg, not a .png file",
            "ct_00----amos_0004--z_0075.png, empty part"})
    void refuses_image_names_outside_the_convention_saying_why(String fileName, String reason) {
        assertThatThrownBy(() -> ReleaseName.image(fileName))
                .isInstanceOf(InvalidReleaseNameException.class)
                .hasMessageContaining(fileName)
                .hasMessageContaining(reason);
    }

    @Test
    void refuses_mask_names_without_a_4_digit_class_id() {
        assertThatThrownBy(() -> ReleaseName.mask("ct_00--AMOS2022--amos_0004--z_0075--liver_000.png"))
                .isInstanceOf(InvalidReleaseNameException.class)
                .hasMessageContaining("{classid4}_{instance}");
    }
}
