package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
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

    private static Anchor tile(Tile tile) {
        Map<String, String> legend = tile.legend();
        Image thumbnail = new Image(tile.thumbnailUrl(), tile.title() + ", " + tile.caption() + "; labels: "
                + String.join(", ", legend.keySet()));
        thumbnail.getElement().setAttribute("loading", "lazy");
        thumbnail.getElement().setAttribute("decoding", "async");
        // a file the catalog knows but cannot read shows as such instead of a broken image
        thumbnail.getElement().setAttribute("onerror", "this.closest('.tile').classList.add('missing')");
        Div picture = new Div(thumbnail);
        picture.addClassName("tile-picture");
        picture.getStyle().set("aspect-ratio", tile.width() + " / " + tile.height());
        for (Tile.DrawnMask mask : tile.masks()) {
            if (mask.box() != null) {
                picture.add(hoverBox(mask, tile.width(), tile.height()));
            }
        }
        Div frame = new Div(picture);
        frame.addClassName("tile-frame");
        Span title = new Span(tile.title());
        title.addClassName("tile-title");
        Span caption = new Span(tile.caption());
        caption.addClassName("tile-caption");
        Span missing = new Span("File unavailable");
        missing.addClassName("tile-missing");
        Anchor link = new Anchor(tile.link(), frame, missing, title, caption, legend(legend));
        link.addClassName("tile");
        link.getElement().setAttribute("data-index", Long.toString(tile.index()));
        link.getElement().setAttribute("tabindex", "-1");
        return link;
    }

    /** The mask's box over the picture, in percent: hovering it names the label (the smallest box wins). */
    private static Span hoverBox(Tile.DrawnMask mask, int width, int height) {
        int[] box = mask.box();
        Span region = new Span();
        region.addClassName("tile-mask");
        region.getElement().setAttribute("data-label", mask.label());
        region.getStyle().set("left", percent(box[0], width)).set("top", percent(box[1], height))
                .set("width", percent(box[2] - box[0] + 1, width)).set("height", percent(box[3] - box[1] + 1, height))
                .set("--mask-colour", mask.colour());
        return region;
    }

    private static Div legend(Map<String, String> labels) {
        Div legend = new Div();
        legend.addClassName("tile-legend");
        labels.entrySet().stream().limit(LEGEND_LABELS).forEach(entry -> {
            Span swatch = new Span();
            swatch.addClassName("swatch");
            swatch.getStyle().set("background", entry.getValue());
            Span name = new Span(swatch, new Span(entry.getKey()));
            name.addClassName("legend-item");
            legend.add(name);
        });
        if (labels.size() > LEGEND_LABELS) {
            legend.add(new Span("+" + (labels.size() - LEGEND_LABELS)));
        }
        return legend;
    }

    private static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.3f%%", 100.0 * part / Math.max(1, whole));
    }
}
