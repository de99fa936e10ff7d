package org.samed2d.explorer.export;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.BinaryMask;
import tools.jackson.databind.json.JsonMapper;

/**
 * COCO instance segmentation for an export: images and annotations are written to two part files as the planner
 * walks the subset (each mask decoded once, for its compressed RLE, area and box), then joined into annotations.json
 * with the categories (one per class name, numbered in order of first appearance).
 */
final class CocoFiles implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final BufferedWriter images;
    private final BufferedWriter annotations;
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    private boolean firstImage = true;
    private boolean firstAnnotation = true;

    CocoFiles(Path folder) throws IOException {
        this.folder = folder;
        this.images = Files.newBufferedWriter(folder.resolve("coco-images.part"));
        this.annotations = Files.newBufferedWriter(folder.resolve("coco-annotations.part"));
    }

    void image(ImageRecord image, String fileName) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", image.id());
        row.put("file_name", fileName);
        row.put("width", image.width());
        row.put("height", image.height());
        images.write((firstImage ? "\n" : ",\n") + JSON.writeValueAsString(row));
        firstImage = false;
    }

    void annotation(MaskRecord mask, byte[] png) throws IOException {
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
    void annotationOfKnownLength(MaskRecord mask) throws IOException {
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
        int category = categories.computeIfAbsent(mask.label(), label -> categories.size() + 1);
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
        annotations.write((firstAnnotation ? "\n" : ",\n") + JSON.writeValueAsString(row));
        firstAnnotation = false;
    }

    /** Joins the parts into {@code annotations.json} in the export folder. */
    void finish() throws IOException {
        close();
        try (OutputStream out = Files.newOutputStream(folder.resolve("annotations.json"))) {
            out.write("{\"info\": {\"description\": \"SA-Med2D-20M subset (see manifest.json)\"},\n\"images\": [".getBytes());
            copy(folder.resolve("coco-images.part"), out);
            out.write("\n],\n\"annotations\": [".getBytes());
            copy(folder.resolve("coco-annotations.part"), out);
            out.write("\n],\n\"categories\": [".getBytes());
            boolean first = true;
            for (Map.Entry<String, Integer> category : categories.entrySet()) {
                String row = JSON.writeValueAsString(new TreeMap<>(Map.of("id", category.getValue(),
                        "name", category.getKey())));
                out.write(((first ? "\n" : ",\n") + row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                first = false;
            }
            out.write("\n]}\n".getBytes());
        }
        Files.delete(folder.resolve("coco-images.part"));
        Files.delete(folder.resolve("coco-annotations.part"));
    }

    private static void copy(Path part, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(part)) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        images.close();
        annotations.close();
    }
}
