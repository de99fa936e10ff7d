package org.samed2d.explorer.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.DataSplit;

/**
 * What one format makes of the planner's walk: the archive names of the original files it holds, and the files it
 * generates as the walk goes (each image, then its masks, then {@link #endImage}).
 */
interface ExportLayout extends Closeable {

    /** Starts an image of the given part (none without a split); returns its archive name, or none to leave it out. */
    @Nullable String image(ImageRecord image, FileFacts facts, DataSplit.@Nullable Part part) throws IOException;

    /** A mask of the current image; returns its archive name, or none to leave the file out. */
    @Nullable String mask(MaskRecord mask, FileFacts facts) throws IOException;

    void endImage() throws IOException;

    /**
     * Completes the generated files and plans them as archive entries; returns what manifest.json says of them
     * (file names by role), empty for nothing to say.
     */
    Map<String, Object> finish(GeneratedFiles files) throws IOException;

    static ExportLayout of(ExportFormat format, ExportRecord export, GeneratedFiles files) throws IOException {
        return switch (format) {
            case SA_MED2D -> new ReleaseLayout(files, export.split(), export.pathPrefix());
            case MANIFEST -> new ManifestLayout(files, export.split() != null);
            case COCO -> new CocoFiles(files, export.split() != null,
                    "dataset-label".equals(export.categories()));
        };
    }
}
