package org.samed2d.explorer.export;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.BinaryMask;
import org.samed2d.explorer.shared.DataSplit;
import tools.jackson.databind.json.JsonMapper;

/**
 * COCO instance segmentation for an export: images and annotations are written to part files as the planner walks
 * the subset (each mask decoded once, for its compressed RLE, area and box), then joined into
 * {@code annotations.json} (with a split, {@code annotations_<part>.json} over the one {@code images/} folder) with
 * the categories, numbered in order of first appearance across the whole export, so every part file has the same
 * ids. Each annotation names its source mask under {@code sa_med2d}, which COCO readers pass through.
 */
final class CocoFiles implements ExportLayout {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One annotation file being written: its images and annotations so far. */
    private static final class Output {
        final String name;
        final BufferedWriter images;
        final BufferedWriter annotations;
        boolean firstImage = true;
        boolean firstAnnotation = true;

        Output(GeneratedFiles files, String name) throws IOException {
            this.name = name;
            this.images = files.open(name + ".images.part");
            this.annotations = files.open(name + ".annotations.part");
        }
    }

    private final GeneratedFiles files;
    private final boolean byDataset;
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    private final Map<String, String[]> categoryNames = new LinkedHashMap<>();
    private @Nullable Output current;
    private boolean closed;

    CocoFiles(GeneratedFiles files, boolean split, boolean byDataset) throws IOException {
        this.files = files;
        this.byDataset = byDataset;
        for (String part : split ? List.of("train", "val", "test") : List.of("")) {
            String name = part.isEmpty() ? "annotations.json" : "annotations_" + part + ".json";
            outputs.put(part, new Output(files, name));
        }
    }

    @Override
    public String image(ImageRecord image, FileFacts facts, DataSplit.@Nullable Part part) throws IOException {
        String fileName = image.file().substring(image.file().lastIndexOf('/') + 1);
        Output output = outputs.get(part == null ? "" : part.parameter());
        current = output;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", image.id());
        row.put("file_name", fileName);
        row.put("width", image.width());
        row.put("height", image.height());
        output.images.write((output.firstImage ? "\n" : ",\n") + JSON.writeValueAsString(row));
        output.firstImage = false;
        return "images/" + fileName;
    }

    @Override
    public @Nullable String mask(MaskRecord mask, FileFacts facts) throws IOException {
        byte[] png = facts.bytes();
        if (png == null) {
            annotationOfKnownLength(mask);
        } else {
            annotation(mask, png);
        }
        return null;
    }

    @Override
    public void endImage() {
        current = null;
    }

    private void annotation(MaskRecord mask, byte[] png) throws IOException {
        BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(png));
        if (pixels == null) {
            throw new IOException(mask.file() + " is not a readable PNG");
        }
        BinaryMask binary = BinaryMask.ofImage(pixels);
        int[] box = binary.bbox();
        write(mask, binary.height(), binary.width(), binary.cocoCounts(), binary.area(), box);
    }

    /**
     * The same annotation as long as the decoded one will be, from the catalog alone: the geometry pass measured the
     * area, the box and the length of the RLE counts; the counts themselves are stand-ins of that length.
     *
     * @throws SizeUnknownException when the mask was measured before the counts' length was kept
     */
    private void annotationOfKnownLength(MaskRecord mask) throws IOException {
        MaskRecord.Geometry g = mask.geometry();
        if (g == null || g.cocoCountsChars() == null) {
            throw new SizeUnknownException(mask.file() + " has no measured COCO length yet");
        }
        write(mask, mask.height(), mask.width(), "0".repeat(g.cocoCountsChars()), g.area(),
                new int[] {g.x0(), g.y0(), g.x1(), g.y1()});
    }

    /** A COCO export's size cannot be known before its masks are decoded. */
    static final class SizeUnknownException extends IOException {
        SizeUnknownException(String message) {
            super(message);
        }
    }

    private void write(MaskRecord mask, int height, int width, String counts, long area, int[] box)
            throws IOException {
        String key = byDataset ? mask.dataset() + "\n" + mask.label() : mask.label();
        int category = categories.computeIfAbsent(key, k -> categories.size() + 1);
        categoryNames.putIfAbsent(key, new String[] {mask.dataset(), mask.label()});
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", mask.id());
        row.put("image_id", mask.imageId());
        row.put("category_id", category);
        // sorted maps, not Map.of: its iteration order changes from one JVM run to the next, and so would the bytes
        row.put("segmentation", new TreeMap<>(Map.of("size", List.of(height, width), "counts", counts)));
        row.put("area", area);
        row.put("bbox", box == null ? List.of(0, 0, 0, 0)
                : List.of(box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1)); // COCO: x, y, width, height
        row.put("iscrowd", 0);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("mask", mask.file());
        source.put("maskId", mask.id());
        source.put("dataset", mask.dataset());
        source.put("case", mask.caseName());
        source.put("instance", mask.instance());
        row.put("sa_med2d", source);
        Output output = current;
        if (output == null) {
            throw new IllegalStateException("a mask outside an image");
        }
        output.annotations.write((output.firstAnnotation ? "\n" : ",\n") + JSON.writeValueAsString(row));
        output.firstAnnotation = false;
    }

    @Override
    public Map<String, Object> finish(GeneratedFiles generated) throws IOException {
        close();
        byte[] categoryRows = categories().getBytes(StandardCharsets.UTF_8);
        Map<String, Object> names = new LinkedHashMap<>();
        for (Map.Entry<String, Output> entry : outputs.entrySet()) {
            Output output = entry.getValue();
            try (OutputStream out = files.output(output.name)) {
                out.write(("{\"info\": {\"description\": \"SA-Med2D-20M subset" + (entry.getKey().isEmpty() ? ""
                        : ", part " + entry.getKey()) + " (see manifest.json)\"},\n\"images\": [")
                        .getBytes(StandardCharsets.UTF_8));
                files.append(output.name + ".images.part", out);
                out.write("\n],\n\"annotations\": [".getBytes(StandardCharsets.UTF_8));
                files.append(output.name + ".annotations.part", out);
                out.write("\n],\n\"categories\": [".getBytes(StandardCharsets.UTF_8));
                out.write(categoryRows);
                out.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
            }
            files.delete(output.name + ".images.part");
            files.delete(output.name + ".annotations.part");
            files.plan(output.name, output.name);
            names.put(entry.getKey().isEmpty() ? "annotations" : entry.getKey(), output.name);
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("cocoFiles", names);
        described.put("categories", byDataset ? "dataset-label" : "label");
        return described;
    }

    private String categories() {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Integer> category : categories.entrySet()) {
            String[] names = categoryNames.get(category.getKey());
            Map<String, Object> row = new TreeMap<>();
            row.put("id", category.getValue());
            if (byDataset) {
                // a dataset's class: the name says both, the fields say each (dataset names hold '-' and '_')
                row.put("name", names[0] + "/" + names[1]);
                row.put("dataset", names[0]);
                row.put("label", names[1]);
                row.put("supercategory", names[1]);
            } else {
                row.put("name", names[1]);
            }
            rows.append(rows.isEmpty() ? "\n" : ",\n").append(JSON.writeValueAsString(row));
        }
        return rows.toString();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            for (Output output : outputs.values()) {
                try (output.images) {
                    output.annotations.close();
                }
            }
        }
    }
}
