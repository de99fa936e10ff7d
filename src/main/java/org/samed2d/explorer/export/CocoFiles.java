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
import javax.imageio.ImageIO;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.CocoRle;
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
        int width = pixels.getWidth();
        int height = pixels.getHeight();
        boolean[] on = new boolean[width * height];
        int[] sample = new int[pixels.getRaster().getNumBands()];
        long area = 0;
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (pixels.getRaster().getPixel(x, y, sample)[0] > 127) {
                    on[y * width + x] = true;
                    area++;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        int category = categories.computeIfAbsent(mask.label(), label -> categories.size() + 1);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", mask.id());
        row.put("image_id", mask.imageId());
        row.put("category_id", category);
        row.put("segmentation", Map.of("size", List.of(height, width), "counts", CocoRle.counts(on, width, height)));
        row.put("area", area);
        row.put("bbox", x1 < 0 ? List.of(0, 0, 0, 0) : List.of(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
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
                out.write(((first ? "\n" : ",\n") + JSON.writeValueAsString(Map.of("id", category.getValue(),
                        "name", category.getKey()))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
