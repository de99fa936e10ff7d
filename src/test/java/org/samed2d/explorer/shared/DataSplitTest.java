package org.samed2d.explorer.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The split's hash and rules; the expected draws come from Python's hashlib, the README's formula. */
class DataSplitTest {

    private final DataSplit split = new DataSplit(0.1, 0.2, "case", 1);

    @Test
    void a_case_draws_what_the_documented_hash_gives_and_lands_in_its_part() {
        assertThat(split.draw("AMOS2022", "amos_0006", "images/any.png")).isEqualTo(0.9016270886099752);
        assertThat(split.draw("AMOS2022", "amos_0004", "images/any.png")).isEqualTo(0.02217321502937153);
        assertThat(new DataSplit(0, 0.5, "case", 7).draw("Totalsegmentator_dataset", "s0114", ""))
                .isEqualTo(0.9528394013931464);
        assertThat(new DataSplit(0, 0.5, "case", -3).draw("isic2016-2018", "ISIC_0000001", ""))
                .isEqualTo(0.9623479734164325);

        assertThat(split.part("AMOS2022", "amos_0006", "")).isEqualTo(DataSplit.Part.TRAIN);
        assertThat(split.part("AMOS2022", "amos_0004", "")).isEqualTo(DataSplit.Part.TEST);
    }

    @Test
    void by_image_the_image_file_name_is_drawn_not_the_case() {
        DataSplit byImage = new DataSplit(0.1, 0.2, "image", 1);

        assertThat(byImage.draw("AMOS2022", "amos_0006", "images/ct_00--AMOS2022--amos_0006--z_0090.png"))
                .isEqualTo(0.43070455696171905);
        assertThat(byImage.part("AMOS2022", "amos_0006", "images/ct_00--AMOS2022--amos_0006--z_0090.png"))
                .isEqualTo(DataSplit.Part.TRAIN);
    }

    @Test
    void a_dataset_with_fewer_cases_than_its_smallest_part_needs_goes_to_train_whole() {
        assertThat(split.minimumUnits()).isEqualTo(10);
        assertThat(new DataSplit(0.3, 0, "case", 1).minimumUnits()).isEqualTo(4);
        assertThat(new DataSplit(0, 0, "case", 1).minimumUnits()).isEqualTo(1);
        DataSplit.Assignment assignment = split.assignment(Map.of("AMOS2022", 9L, "WORD", 10L));

        assertThat(assignment.keptInTrain("AMOS2022")).isTrue();
        assertThat(assignment.part("AMOS2022", "amos_0004", "")).isEqualTo(DataSplit.Part.TRAIN);
        assertThat(assignment.keptInTrain("WORD")).isFalse();
        assertThat(assignment.keptInTrain("unknown")).isTrue();
    }

    @Test
    void the_command_line_and_json_forms_give_the_same_split() {
        assertThat(DataSplit.parse("val=0.1,test=0.2,by=case,seed=1")).isEqualTo(split);
        assertThat(DataSplit.of(Map.of("val", 0.1, "test", 0.2, "seed", 1))).isEqualTo(split);
        assertThat(DataSplit.parse("test=0.5")).isEqualTo(new DataSplit(0, 0.5, "case", 0));
    }

    @Test
    void bad_splits_name_the_split_and_what_is_wrong() {
        assertThatThrownBy(() -> DataSplit.parse("val=0.7,test=0.4")).isInstanceOf(InvalidParameterException.class)
                .hasMessage("split: val + test must be at most 1, got 1.1");
        assertThatThrownBy(() -> DataSplit.parse("val=-0.1")).hasMessage(
                "split: val must be a fraction between 0 and 1, got -0.1");
        assertThatThrownBy(() -> DataSplit.parse("val=0.1,by=patient")).hasMessage(
                "split: by must be 'case' or 'image', got 'patient'");
        assertThatThrownBy(() -> DataSplit.parse("val=0.1,folds=5")).hasMessage(
                "split: unknown key 'folds'; a split has [by, seed, test, val]");
        assertThatThrownBy(() -> DataSplit.parse("val=a")).hasMessage("split: val must be a number, got 'a'");
        assertThatThrownBy(() -> DataSplit.parse("seed=1.5")).hasMessage(
                "split: seed must be a whole number, got '1.5'");
        assertThatThrownBy(() -> DataSplit.parse("val")).hasMessageStartingWith("split: expected NAME=VALUE pairs");
    }
}
