package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.DataSplit;

/** The {@code manifest} format: manifest.csv and manifest.jsonl, one row per mask, no pixels; with a split, its part. */
final class ManifestLayout implements ExportLayout {

    private final BufferedWriter csv;
    private final BufferedWriter jsonl;
    private final boolean split;
    private String imageSha = "";
    private DataSplit.@Nullable Part part;

    ManifestLayout(GeneratedFiles files, boolean split) throws IOException {
        this.split = split;
        this.csv = files.open("manifest.csv");
        this.jsonl = files.open("manifest.jsonl");
        csv.write(split ? ManifestRows.CSV_HEADER.replace("\n", ",part\n") : ManifestRows.CSV_HEADER);
    }

    @Override
    public @Nullable String image(ImageRecord image, FileFacts facts, DataSplit.@Nullable Part part) {
        this.imageSha = facts.sha256();
        this.part = part;
        return null;
    }

    @Override
    public @Nullable String mask(MaskRecord mask, FileFacts facts) throws IOException {
        String partName = split && part != null ? part.parameter() : null;
        csv.write(ManifestRows.csv(mask, imageSha, facts.sha256(), partName));
        jsonl.write(ManifestRows.json(mask, imageSha, facts.sha256(), partName) + "\n");
        return null;
    }

    @Override
    public void endImage() {
    }

    @Override
    public Map<String, Object> finish(GeneratedFiles files) throws IOException {
        close();
        files.plan("manifest.csv", "manifest.csv");
        files.plan("manifest.jsonl", "manifest.jsonl");
        return Map.of();
    }

    @Override
    public void close() throws IOException {
        try (csv) {
            jsonl.close();
        }
    }
}
