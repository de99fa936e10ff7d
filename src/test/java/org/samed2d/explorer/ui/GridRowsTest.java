package org.samed2d.explorer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.ui.base.GridRows;

/**
 * A grid of a list that keeps growing shows every row while there are few, and scrolls once there are too many
 * for Vaadin to send at once (it refuses more than ten pages of rows in one request).
 */
class GridRowsTest {

    @Test
    void a_short_list_shows_every_row_and_a_long_one_scrolls_in_a_grid_a_screen_high() {
        Grid<String> few = new Grid<>();
        GridRows.fit(few, 12);
        Grid<String> many = new Grid<>();
        GridRows.fit(many, 600);

        assertThat(few.isAllRowsVisible()).isTrue();
        assertThat(many.isAllRowsVisible()).isFalse();
        assertThat(many.getHeight()).isEqualTo("75vh");
    }

    @Test
    void a_list_that_shrinks_again_shows_every_row_again() {
        Grid<String> grid = new Grid<>();
        GridRows.fit(grid, 600);
        GridRows.fit(grid, 150);

        assertThat(grid.isAllRowsVisible()).isTrue();
        assertThat(grid.getHeight()).isNull();
    }
}
