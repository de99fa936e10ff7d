package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.grid.Grid;

/**
 * How tall a grid of a list that keeps growing is (past exports, accounts, API tokens): every row shown while there are few, a
 * scrolling grid a screen high once there are many. A grid that shows every row asks the server for all of them at
 * once, and Vaadin refuses more than ten pages of rows in one request: the exports page failed for an admin once
 * the portal had made a few hundred exports.
 */
public final class GridRows {

    /** Rows shown whole at most; well under the ten pages of 50 that one request may fetch. */
    static final int ALL_VISIBLE_UP_TO = 200;

    private GridRows() {
    }

    /** Fits the grid to its list of {@code rows} rows, again whenever the list changes. */
    public static void fit(Grid<?> grid, int rows) {
        boolean all = rows <= ALL_VISIBLE_UP_TO;
        grid.setAllRowsVisible(all);
        grid.setHeight(all ? null : "75vh");
    }
}
