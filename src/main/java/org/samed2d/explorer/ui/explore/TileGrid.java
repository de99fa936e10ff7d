package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The thumbnail grid: a virtual list of rows, so only the rows on screen exist in the browser however many
 * millions match. Its browser side ({@code frontend/components/tile-grid.ts}) says how many tiles fit in a row,
 * keeps the first visible tile in the URL ({@code at}) and walks the tiles with the arrow keys. Each tile shows
 * a legend of its labels and names a mask when the pointer is over it.
 */
@Tag("explorer-tile-grid")
@JsModule("./components/tile-grid.ts")
class TileGrid extends Component implements HasComponents, HasSize {

    private static final int LEGEND_LABELS = 3;

    private final VirtualList<List<Tile>> rows = new VirtualList<>();
    private int columns = 4;
    private @Nullable TileSource source;
    private long firstTile;

    TileGrid() {
        getElement().getClassList().add("tile-grid");
        getElement().setAttribute("data-skip-target", "");
        rows.addClassName("tile-rows");
        rows.setRenderer(new ComponentRenderer<>(TileGrid::row));
        rows.getElement().setAttribute("aria-label", "Matching images; arrow keys move between them");
        add(rows);
        getElement().addEventListener("columns-changed", event -> {
            int reported = (int) event.getEventData().get("event.detail.columns").asDouble();
            if (reported != columns && reported > 0) {
                columns = reported;
                if (source != null) {
                    show(source, firstTile);
                }
            }
        }).addEventData("event.detail.columns");
    }

    void show(TileSource tiles, long first) {
        source = tiles;
        firstTile = first;
        int perRow = columns;
        rows.getElement().setAttribute("style", "--tile-columns: " + perRow);
        rows.setDataProvider(DataProvider.fromCallbacks(
                query -> fetchRows(tiles, perRow, query.getOffset(), query.getLimit()),
                query -> (int) Math.min(Integer.MAX_VALUE, (tiles.count() + perRow - 1) / perRow)));
        getElement().callJsFunction("scrollToTile", first, perRow);
    }

    private static Stream<List<Tile>> fetchRows(TileSource source, int columns, int offsetRows, int limitRows) {
        List<Tile> tiles = source.fetch((long) offsetRows * columns, limitRows * columns);
        List<List<Tile>> result = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i += columns) {
            result.add(tiles.subList(i, Math.min(tiles.size(), i + columns)));
        }
        return result.stream();
    }

    private static Component row(List<Tile> tiles) {
        Div row = new Div();
        row.addClassName("tile-row");
        for (Tile tile : tiles) {
            row.add(tile(tile));
        }
        return row;
    }

    /**
     * One tile as a link whose inside is a single HTML fragment: a tile of a busy image holds some 30 elements
     * (picture, a hover box per mask, legend), and as server-side components they made every filter click build
     * and send thousands of them for the grid's first rows.
     */
    private static Anchor tile(Tile tile) {
        Map<String, String> legend = tile.legend();
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"tile-frame\"><div class=\"tile-picture\" style=\"aspect-ratio: ")
                .append(tile.width()).append(" / ").append(tile.height()).append("\">")
                // a file the catalog knows but cannot read shows as such instead of a broken image
                .append("<img loading=\"lazy\" decoding=\"async\" onerror=\"this.closest('.tile').classList.add('missing')\"")
                .append(" src=\"").append(escape(tile.thumbnailUrl())).append("\" alt=\"")
                .append(escape(tile.title() + ", " + tile.caption() + "; labels: " + String.join(", ", legend.keySet())))
                .append("\">");
        for (Tile.DrawnMask mask : tile.masks()) {
            int[] box = mask.box();
            if (box != null) {
                // the mask's box over the picture, in percent: hovering it names the label (the smallest box wins)
                html.append("<span class=\"tile-mask\" data-label=\"").append(escape(mask.label()))
                        .append("\" style=\"left: ").append(percent(box[0], tile.width()))
                        .append("; top: ").append(percent(box[1], tile.height()))
                        .append("; width: ").append(percent(box[2] - box[0] + 1, tile.width()))
                        .append("; height: ").append(percent(box[3] - box[1] + 1, tile.height()))
                        .append("; --mask-colour: ").append(escape(mask.colour())).append("\"></span>");
            }
        }
        html.append("</div></div><span class=\"tile-missing\">File unavailable</span><span class=\"tile-title\">")
                .append(escape(tile.title())).append("</span><span class=\"tile-caption\">")
                .append(escape(tile.caption())).append("</span><div class=\"tile-legend\">");
        legend.entrySet().stream().limit(LEGEND_LABELS).forEach(entry -> html
                .append("<span class=\"legend-item\"><span class=\"swatch\" style=\"background: ")
                .append(escape(entry.getValue())).append("\"></span><span>").append(escape(entry.getKey()))
                .append("</span></span>"));
        if (legend.size() > LEGEND_LABELS) {
            html.append("<span>+").append(legend.size() - LEGEND_LABELS).append("</span>");
        }
        html.append("</div>");
        Anchor link = new Anchor();
        link.setHref(tile.link());
        link.addClassName("tile");
        link.getElement().setAttribute("data-index", Long.toString(tile.index()));
        link.getElement().setAttribute("tabindex", "-1");
        link.getElement().setProperty("innerHTML", html.toString());
        return link;
    }

    /** Text and attribute values inside the tile's HTML: dataset and label names come from release files. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.3f%%", 100.0 * part / Math.max(1, whole));
    }
}
