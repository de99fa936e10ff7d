package org.samed2d.explorer.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.SampleData;

class ClassMappingTest {

    private static ClassMapping parse(String json) throws MalformedReleaseJsonException {
        return ClassMapping.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "mapping.json");
    }

    @Test
    void reads_the_dataset_keyed_mapping_of_the_sample() throws Exception {
        try (InputStream in = Files.newInputStream(SampleData.miniRelease().resolve("SAMed2D_v1_class_mapping_id.json"))) {
            ClassMapping mapping = ClassMapping.parse(in, "SAMed2D_v1_class_mapping_id.json");
            assertThat(mapping.size()).isEqualTo(25);
            assertThat(mapping.nameOf("AMOS2022", "0003")).contains("liver");
            assertThat(mapping.nameOf("Totalsegmentator_dataset", "0003")).contains("autochthon_right");
            assertThat(mapping.nameOf("AMOS2022", "0005")).isEmpty();
        }
    }

    @Test
    void reads_a_flat_mapping_for_every_dataset() throws Exception {
        ClassMapping mapping = parse("{\"liver\": \"0003\", \"spleen\": 4}");
        assertThat(mapping.nameOf("AnyDataset", "0003")).contains("liver");
        assertThat(mapping.nameOf("Other", "0004")).contains("spleen");
    }

    @Test
    void prefers_a_datasets_own_ids_over_flat_ones() throws Exception {
        ClassMapping mapping = parse("{\"liver\": \"0003\", \"WORD\": {\"kidney\": \"0003\"}}");
        assertThat(mapping.nameOf("WORD", "0003")).contains("kidney");
        assertThat(mapping.nameOf("AMOS2022", "0003")).contains("liver");
    }

    @Test
    void names_the_file_and_field_of_a_bad_class_id() {
        assertThatThrownBy(() -> parse("{\"WORD\": {\"kidney\": \"k3\"}}"))
                .isInstanceOf(MalformedReleaseJsonException.class)
                .hasMessageContaining("mapping.json")
                .hasMessageContaining("WORD.kidney");
    }

    @Test
    void refuses_a_file_that_is_not_json() {
        assertThatThrownBy(() -> parse("liver=3"))
                .isInstanceOf(MalformedReleaseJsonException.class)
                .hasMessageContaining("mapping.json: not valid JSON");
    }
}
