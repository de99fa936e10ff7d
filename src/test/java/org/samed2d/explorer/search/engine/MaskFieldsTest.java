package org.samed2d.explorer.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.samed2d.explorer.catalog.IndexedMask;

class MaskFieldsTest {

    @ParameterizedTest(name = "slice {0}")
    @CsvSource(nullValues = "null", value = {"null", "0", "7", "123", "2147483647", "-5"})
    void the_release_order_is_dataset_case_axis_and_the_slice_in_ten_digits(@Nullable Integer slice) {
        IndexedMask mask = new IndexedMask(1, 1, 1, "AMOS2022", "ct", "ct", null, "amos_0006", "z", slice, "liver",
                "1", 0, 10L, 512, 512);

        assertThat(MaskFields.order(mask)).isEqualTo(String.format(Locale.ROOT,
                "AMOS2022\u0000amos_0006\u0000z\u0000%010d", slice == null ? 0 : slice));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"9, 10 | 0000000009 0000000010", "99, 100 | 0000000099 0000000100"})
    void orders_sort_by_slice_number_as_strings(String slices, String expected) {
        String[] numbers = slices.split(", ");
        String first = MaskFields.order(mask(Integer.parseInt(numbers[0])));
        String second = MaskFields.order(mask(Integer.parseInt(numbers[1])));

        assertThat(first).endsWith(expected.split(" ")[0]).isLessThan(second);
        assertThat(second).endsWith(expected.split(" ")[1]);
    }

    private static IndexedMask mask(int slice) {
        return new IndexedMask(1, 1, 1, "d", "ct", "ct", null, "c", "z", slice, "liver", "1", 0, 10L, 512, 512);
    }
}
