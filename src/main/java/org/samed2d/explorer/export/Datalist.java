package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.DataSplit;

/**
 * {@code SAMed2Dv1/datalist.json} in the Medical Segmentation Decathlon shape that MONAI's
 * {@code load_decathlon_datalist} reads: one item per mask, {@code image} and {@code label} relative to the
 * datalist's folder (MONAI joins them with it by default), with the mask's dataset, modality, class name and case.
 * A part's list is written only when it has items: MONAI fails on an empty {@code test} list.
 */
final class Datalist implements Closeable {

    private static final List<String> KEYS = List.of("training", "validation", "test");

    private final GeneratedFiles files;
    private final Map<String, BufferedWriter> parts = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final boolean split;
    private boolean closed;

    Datalist(GeneratedFiles files, boolean split) throws IOException {
        this.files = files;
        this.split = split;
        for (String key : split ? KEYS : List.of("training")) {
            parts.put(key, files.open("datalist-" + key + ".part"));
            counts.put(key, 0L);
        }
    }

    void item(MaskRecord mask, DataSplit.@Nullable Part part) throws IOException {
        String key = part == null ? "training" : KEYS.get(part.ordinal());
        long before = counts.merge(key, 1L, Long::sum) - 1;
        BufferedWriter out = parts.get(key);
        out.write(before == 0 ? "\n    " : ",\n    ");
        out.write("{\"image\": " + JsonText.quote(mask.imageFile()) + ", \"label\": " + JsonText.quote(mask.file())
                + ", \"dataset\": " + JsonText.quote(mask.dataset()) + ", \"modality\": "
                + JsonText.quote(mask.baseModality()) + ", \"labelName\": " + JsonText.quote(mask.label())
                + ", \"case\": " + JsonText.quote(mask.caseName()) + "}");
    }

    /** Joins the parts into datalist.json and plans it; returns its archive name. */
    String finish() throws IOException {
        close();
        try (OutputStream out = files.output("datalist.json")) {
            StringBuilder head = new StringBuilder("{\n")
                    .append("  \"name\": \"SA-Med2D-20M subset\",\n")
                    .append("  \"description\": \"One item per mask: label is a binary mask (0 background, 255 the")
                    .append(" object) of one instance of class labelName in image; see manifest.json\",\n")
                    .append("  \"reference\": \"https://arxiv.org/abs/2311.11969\",\n")
                    .append("  \"licence\": \"CC BY-NC-SA 4.0, and each source dataset's own (LICENSES.md)\",\n")
                    .append("  \"tensorImageSize\": \"2D\",\n")
                    .append("  \"labels\": {\"0\": \"background\", \"255\": \"foreground\"},\n")
                    .append("  \"numTraining\": ").append(counts.get("training"));
            if (split) {
                head.append(",\n  \"numValidation\": ").append(counts.get("validation"))
                        .append(",\n  \"numTest\": ").append(counts.get("test"));
            }
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            for (String key : parts.keySet()) {
                if (key.equals("training") || counts.get(key) > 0) {
                    out.write((",\n  \"" + key + "\": [").getBytes(StandardCharsets.UTF_8));
                    files.append("datalist-" + key + ".part", out);
                    out.write((counts.get(key) > 0 ? "\n  ]" : "]").getBytes(StandardCharsets.UTF_8));
                }
                files.delete("datalist-" + key + ".part");
            }
            out.write("\n}\n".getBytes(StandardCharsets.UTF_8));
        }
        files.plan("datalist.json", ReleaseLayout.ROOT + "datalist.json");
        return ReleaseLayout.ROOT + "datalist.json";
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            for (BufferedWriter part : parts.values()) {
                part.close();
            }
        }
    }
}
