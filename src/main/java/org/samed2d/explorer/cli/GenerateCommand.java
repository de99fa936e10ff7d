package org.samed2d.explorer.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code generate --images N --out DIR [--split-zip SIZE [--zip-method deflated|stored]] [--seed S] [--distinct D]}: a
 * synthetic release in the exact SA-Med2D layout with phantom pixels, for benchmarks and scale tests. Never commit its
 * output.
 */
final class GenerateCommand {

    private static final String RELEASE = "SAMed2Dv1/";
    private final PrintStream out;
    private final PrintStream err;

    GenerateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (CommandOptions.wantsHelp(args)) {
            out.println("Usage: java -jar sa-med2d-explorer.jar generate --images N --out DIR [--split-zip SIZE"
                    + " [--zip-method deflated|stored]] [--seed S] [--distinct D]   (SIZE like 64k, 100m, 30g; entries"
                    + " are deflated unless stored is asked for; D: images with their own pixels, the rest repeat them"
                    + " under new case names, for fast large benchmarks)");
            return 0;
        }
        try {
            CommandOptions options = CommandOptions.parse("generate", args);
            int images = (int) options.number("images", -1);
            if (images < 0) {
                throw new IllegalArgumentException("--images is required");
            }
            Path target = Path.of(options.require("out"));
            long seed = options.number("seed", 42);
            String split = options.values().get("split-zip");
            int distinct = (int) options.number("distinct", images);
            String method = options.values().getOrDefault("zip-method", "deflated");
            if (!method.equals("deflated") && !method.equals("stored")) {
                throw new IllegalArgumentException("--zip-method must be deflated or stored, got '" + method + "'");
            }
            if (split == null && options.values().containsKey("zip-method")) {
                throw new IllegalArgumentException("--zip-method needs --split-zip: a folder has no compression");
            }
            if (distinct < 1) {
                throw new IllegalArgumentException("--distinct must be at least 1");
            }
            Counts counts = generate(images, target, split == null ? 0 : parseSize(split), method.equals("stored"),
                    seed, Math.min(distinct, images));
            out.printf("Wrote %,d images and %,d masks to %s%n", counts.images, counts.masks, target);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("generate: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("generate: " + e.getMessage());
            return 1;
        }
    }

    private record Counts(long images, long masks) {
    }

    /** An image with its masks, encoded once and written again under other case names by {@code --distinct}. */
    private record Template(String prefix, String caseName, String cut, byte[] image, List<String> maskSuffixes,
                            List<byte[]> masks) {
    }

    private Counts generate(int imageCount, Path target, long splitSize, boolean stored, long seed, int distinct)
            throws IOException {
        SyntheticRelease release = new SyntheticRelease(seed);
        SplittableRandom random = new SplittableRandom(seed);
        Files.createDirectories(target);
        Path index = Files.createTempFile(target, "index", ".json");
        PngWriter png = new PngWriter();
        long masks = 0;
        Map<String, Integer> slices = new LinkedHashMap<>();
        try (ReleaseWriter writer = splitSize > 0
                ? ReleaseWriter.splitZip(target.resolve("SAMed2D.zip"), RELEASE, splitSize, stored)
                : ReleaseWriter.folder(target.resolve(RELEASE));
             BufferedWriter json = Files.newBufferedWriter(index)) {
            json.write("{");
            List<Template> templates = new ArrayList<>();
            for (int i = 0; i < imageCount; i++) {
                if (i >= distinct) {
                    // Encoding pixels is what makes generating slow; past --distinct, earlier images come back
                    // under new case names (distinct names, same pixels), which is all a names or load bench needs.
                    Template t = templates.get(i % distinct);
                    String stem = t.prefix() + "--" + t.caseName() + "r" + (i / distinct) + "--" + t.cut();
                    writer.put("images/" + stem + ".png", t.image());
                    json.write(",\n \"images/" + stem + ".png\": [");
                    for (int m = 0; m < t.masks().size(); m++) {
                        String name = "masks/" + stem + t.maskSuffixes().get(m);
                        writer.put(name, t.masks().get(m));
                        json.write((m == 0 ? "\"" : ", \"") + name + "\"");
                    }
                    json.write("]");
                    masks += t.masks().size();
                    reportProgress(i, imageCount);
                    continue;
                }
                SyntheticRelease.Dataset dataset = release.pick(random);
                String caseName;
                String cut;
                if (dataset.axisCount() == 0) {
                    // 2D sources: one image per case name, as in the release.
                    caseName = "img_%06d".formatted(slices.merge(dataset.modality() + dataset.name(), 1, Integer::sum));
                    cut = "2d_none";
                } else {
                    caseName = "case_%05d".formatted(random.nextInt(Math.max(1, imageCount / 40 + 1)));
                    cut = "xyz".charAt(random.nextInt(3)) + "_%04d".formatted(
                            slices.merge(dataset.modality() + dataset.name() + caseName, 1, Integer::sum));
                }
                String stem = dataset.modality() + "--" + dataset.name() + "--" + caseName + "--" + cut;
                int w = dataset.width();
                int h = dataset.height();
                List<byte[]> maskPixels = new ArrayList<>();
                List<String> maskNames = new ArrayList<>();
                Set<Integer> classes = new HashSet<>();
                int count = 1 + (int) Math.min(11, -Math.log(1 - random.nextDouble()) * 3);
                for (int m = 0; m < count; m++) {
                    int classIndex = random.nextInt(dataset.labels().size());
                    int instance = classes.add(classIndex) ? 0 : (int) maskNames.stream()
                            .filter(n -> n.contains("--%04d_".formatted(classIndex + 1))).count();
                    maskNames.add("masks/" + stem + "--%04d_%03d.png".formatted(classIndex + 1, instance));
                    maskPixels.add(ellipse(w, h, random));
                }
                byte[] imagePng = png.encode(w, h, 3, phantom(w, h, maskPixels));
                writer.put("images/" + stem + ".png", imagePng);
                json.write((i == 0 ? "\n" : ",\n") + " \"images/" + stem + ".png\": [");
                List<byte[]> maskPngs = new ArrayList<>();
                for (int m = 0; m < maskNames.size(); m++) {
                    maskPngs.add(png.encode(w, h, 1, maskPixels.get(m)));
                    writer.put(maskNames.get(m), maskPngs.getLast());
                    json.write((m == 0 ? "\"" : ", \"") + maskNames.get(m) + "\"");
                }
                json.write("]");
                masks += maskNames.size();
                if (distinct < imageCount) {
                    templates.add(new Template(dataset.modality() + "--" + dataset.name(), caseName, cut, imagePng,
                            maskNames.stream().map(n -> n.substring(("masks/" + stem).length())).toList(), maskPngs));
                }
                reportProgress(i, imageCount);
            }
            json.write("\n}\n");
            json.close();
            writer.put("SAMed2D_v1.json", index);
            writer.put("SAMed2D_v1_class_mapping_id.json", classMapping(release));
        } finally {
            Files.deleteIfExists(index);
        }
        return new Counts(imageCount, masks);
    }

    private void reportProgress(int index, int imageCount) {
        if ((index + 1) % 1000 == 0) {
            out.printf("generate: %,d of %,d images%n", index + 1, imageCount);
        }
    }

    private static byte[] classMapping(SyntheticRelease release) {
        StringBuilder json = new StringBuilder("{");
        Set<String> written = new HashSet<>();
        for (SyntheticRelease.Dataset dataset : release.datasets) {
            if (!written.add(dataset.name())) {
                continue;
            }
            json.append(written.size() == 1 ? "\n" : ",\n").append(" \"").append(dataset.name()).append("\": {");
            for (int c = 0; c < dataset.labels().size(); c++) {
                json.append(c == 0 ? "" : ", ").append('"').append(dataset.labels().get(c)).append("\": \"")
                        .append("%04d".formatted(c + 1)).append('"');
            }
            json.append("}");
        }
        return json.append("\n}\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A filled ellipse of 255 on 0, at least a few percent of the image so no real-release filter would drop it. */
    private static byte[] ellipse(int w, int h, SplittableRandom random) {
        byte[] pixels = new byte[w * h];
        double rx = w * (0.04 + random.nextDouble() * 0.2);
        double ry = h * (0.04 + random.nextDouble() * 0.2);
        double cx = rx + random.nextDouble() * (w - 2 * rx);
        double cy = ry + random.nextDouble() * (h - 2 * ry);
        for (int y = (int) Math.max(0, cy - ry); y <= Math.min(h - 1, cy + ry); y++) {
            for (int x = (int) Math.max(0, cx - rx); x <= Math.min(w - 1, cx + rx); x++) {
                double dx = (x - cx) / rx;
                double dy = (y - cy) / ry;
                if (dx * dx + dy * dy <= 1) {
                    pixels[y * w + x] = (byte) 255;
                }
            }
        }
        return pixels;
    }

    /** A grey phantom: a body-like disc with the structures of the masks drawn brighter (R=G=B, as the release). */
    private static byte[] phantom(int w, int h, List<byte[]> masks) {
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - w / 2.0) / (w * 0.45);
                double dy = (y - h / 2.0) / (h * 0.45);
                int v = dx * dx + dy * dy <= 1 ? 70 : 5;
                int p = y * w + x;
                for (byte[] mask : masks) {
                    if (mask[p] != 0) {
                        v += 40;
                    }
                }
                byte b = (byte) Math.min(255, v);
                rgb[p * 3] = b;
                rgb[p * 3 + 1] = b;
                rgb[p * 3 + 2] = b;
            }
        }
        return rgb;
    }

    static long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        long size = Long.parseLong(digits) * unit;
        if (size < 64 * 1024 || size > 4L * 1024 * 1024 * 1024) {
            throw new IllegalArgumentException("--split-zip must be between 64k and 4g, got '" + text + "'");
        }
        return size;
    }
}
