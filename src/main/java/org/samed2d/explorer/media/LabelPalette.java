package org.samed2d.explorer.media;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.samed2d.explorer.catalog.CatalogSummaries;
import org.samed2d.explorer.catalog.DatasetLabel;
import org.springframework.stereotype.Service;

/**
 * One colour per class name, the same everywhere (thumbnails, the image view, legends), from a qualitative palette
 * of 24 colours that stay well apart from each other (every pair at least 16 apart in CIEDE2000) and from grey-scale
 * pixels (at least 18 from black, greys and white). Which name gets which colour is {@link PaletteAssignment}'s choice over the catalog's classes.
 */
@Service
public class LabelPalette {

    /** Picked for distance from each other and from black, grey and white; the order is the order of first use. */
    static final List<String> COLOURS = List.of("#e6194b", "#00ff00", "#ff8000", "#9d4dff", "#ffd426", "#ff59ee",
            "#0080ff", "#00ffe5", "#00a663", "#a64200", "#00ccff", "#a68500", "#a60074", "#ff988c", "#00a6a6",
            "#c9a0ff", "#85a600", "#e8ff8c", "#b2748d", "#ffcfa6", "#ffa6cf", "#ff3300", "#b27759", "#a6c9ff");

    /** Changes when the palette or its assignment rule does, so cached thumbnails are drawn again. */
    static final String VERSION = "p3";

    private final CatalogSummaries catalog;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>(new Snapshot(List.of(), Map.of()));

    LabelPalette(CatalogSummaries catalog) {
        this.catalog = catalog;
    }

    /** The colours of the catalog as it is now; ask once per page or picture, then look names up in it. */
    public Colours current() {
        List<DatasetLabel> rows = catalog.datasetLabels();
        Snapshot snapshot = latest.get();
        if (snapshot.rows() != rows) {
            snapshot = new Snapshot(rows, PaletteAssignment.assign(rows, COLOURS.size()));
            latest.set(snapshot);
        }
        return new Colours(snapshot.indices());
    }

    private record Snapshot(List<DatasetLabel> rows, Map<String, Integer> indices) {
    }

    /** Palette colours by class name; a name the catalog does not know yet gets one from its hash. */
    public record Colours(Map<String, Integer> indices) {

        public String hex(String label) {
            Integer index = indices.get(label);
            return COLOURS.get(index != null ? index : Math.floorMod(label.hashCode(), COLOURS.size()));
        }

        public Color colour(String label) {
            return Color.decode(hex(label));
        }
    }
}
