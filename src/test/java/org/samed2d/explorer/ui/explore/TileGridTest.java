package org.samed2d.explorer.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void names_from_release_files_cannot_add_markup_to_a_tile() {
        assertThat(TileGrid.escape("<img src=x onerror=\"alert('1')\">&"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;");
        assertThat(TileGrid.escape("heart_myocardium")).isEqualTo("heart_myocardium");
    }
}
