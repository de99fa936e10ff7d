package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The thumbnail grid: a virtual list of rows, so only the rows on screen exist in the browser however many
 * millions match. The first visible tile goes into the URL ({@code at}) as the user scrolls.
 */
class TileGrid extends Div {

    static final int COLUMNS = 4;
    /** Must match {@code .tile-row} in explorer.css: the URL anchor is computed from it. */
    static final int ROW_HEIGHT_PX = 268;

    private final VirtualList<List<Tile>> rows = new VirtualList<>();

    TileGrid() {
        addClassName("tile-grid");
        rows.addClassName("tile-rows");
        rows.setRenderer(new ComponentRenderer<>(TileGrid::row));
        rows.getElement().setAttribute("aria-label", "Matching images");
        add(rows);
    }

    void show(TileSource source, long firstTile) {
        rows.setDataProvider(DataProvider.fromCallbacks(
                query -> fetchRows(source, query.getOffset(), query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, (source.count() + COLUMNS - 1) / COLUMNS)));
        int row = (int) Math.min(Integer.MAX_VALUE, firstTile / COLUMNS);
        rows.getElement().executeJs("""
                const list = this, rowHeight = $0, columns = $1;
                if (!list.__anchorListener) {
                  let timer;
                  list.__anchorListener = () => {
                    clearTimeout(timer);
                    timer = setTimeout(() => {
                      const url = new URL(window.location.href);
                      const at = Math.floor(list.scrollTop / rowHeight) * columns;
                      if (at > 0) { url.searchParams.set('at', at); } else { url.searchParams.delete('at'); }
                      window.history.replaceState(window.history.state, '', url);
                    }, 250);
                  };
                  list.addEventListener('scroll', list.__anchorListener);
                }
                requestAnimationFrame(() => list.scrollToIndex($2));
                """, ROW_HEIGHT_PX, COLUMNS, row);
    }

    private static Stream<List<Tile>> fetchRows(TileSource source, int offsetRows, int limitRows) {
        List<Tile> tiles = source.fetch((long) offsetRows * COLUMNS, limitRows * COLUMNS);
        List<List<Tile>> result = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i += COLUMNS) {
            result.add(tiles.subList(i, Math.min(tiles.size(), i + COLUMNS)));
        }
        return result.stream();
    }

    private static Component row(List<Tile> tiles) {
        Div row = new Div();
        row.addClassName("tile-row");
        for (Tile tile : tiles) {
            Image thumbnail = new Image(tile.thumbnailUrl(), tile.title() + ", " + tile.caption());
            thumbnail.getElement().setAttribute("loading", "lazy");
            thumbnail.getElement().setAttribute("decoding", "async");
            // a file the catalog knows but cannot read shows as such instead of a broken image
            thumbnail.getElement().setAttribute("onerror", "this.closest('.tile').classList.add('missing')");
            Span title = new Span(tile.title());
            title.addClassName("tile-title");
            Span caption = new Span(tile.caption());
            caption.addClassName("tile-caption");
            Span missing = new Span("File unavailable");
            missing.addClassName("tile-missing");
            Anchor link = new Anchor(tile.link(), thumbnail, missing, title, caption);
            link.addClassName("tile");
            row.add(link);
        }
        return row;
    }
}
