package org.samed2d.explorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.samed2d.explorer.ui.base.Counted;

/** Figures read as sentences: one mask, not "1 masks"; thousands grouped. */
class CountedTest {

    @Test
    void one_is_singular_and_every_other_count_plural_with_grouped_digits() {
        assertThat(Counted.of(1, "mask")).isEqualTo("1 mask");
        assertThat(Counted.of(0, "image")).isEqualTo("0 images");
        assertThat(Counted.of(2, "label")).isEqualTo("2 labels");
        assertThat(Counted.of(19_694_770, "mask")).isEqualTo("19,694,770 masks");
        assertThat(Counted.masksOnImages(1_024, 1)).isEqualTo("1,024 masks on 1 image");
    }
}
