package org.samed2d.explorer.segment;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prompt files in the shape SAM-Med2D's test.py reads with {@code --prompt_path}: a JSON object keyed by mask file
 * name, each entry {@code {"boxes": [[x0, y0, x1, y1]], "point_coords": [[x, y], ...], "point_labels": [l, ...]}} in its
 * 256x256 frame. test.py writes a point list of more than one point one level deeper ({@code [[[x, y], ...]]}), which
 * its own loader then cannot use; this writes the shape the loader needs and reads both.
 */
final class PromptFile implements Closeable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BufferedWriter out;
    private boolean first = true;
    private boolean closed;

    /** Starts writing a prompt file; entries follow with {@link #put}. */
    PromptFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write("{");
    }

    void put(String maskFileName, double[] box, FramePrompt points) throws IOException {
        StringBuilder entry = new StringBuilder(first ? "\n  " : ",\n  ");
        first = false;
        entry.append(JSON.writeValueAsString(maskFileName)).append(": {\"boxes\": [[");
        for (int i = 0; i < 4; i++) {
            entry.append(i > 0 ? ", " : "").append(box[i]);
        }
        entry.append("]], \"point_coords\": [");
        for (int i = 0; i < points.points(); i++) {
            entry.append(i > 0 ? ", [" : "[").append(points.coords()[2 * i]).append(", ")
                    .append(points.coords()[2 * i + 1]).append(']');
        }
        entry.append("], \"point_labels\": [");
        for (int i = 0; i < points.points(); i++) {
            entry.append(i > 0 ? ", " : "").append(points.labels()[i]);
        }
        out.write(entry.append("]}").toString());
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try (out) {
                out.write("\n}\n");
            }
        }
    }

    /**
     * The prompts of a prompt file, by mask file name, each with its box and points.
     *
     * @throws InvalidPromptException naming {@code promptFile} and the entry at fault
     */
    static Map<String, FramePrompt> parse(Map<String, ?> json) {
        Map<String, FramePrompt> prompts = new HashMap<>();
        json.forEach((name, value) -> {
            if (!(value instanceof Map<?, ?> entry)) {
                throw invalid(name, "is not an object with boxes, point_coords and point_labels");
            }
            for (String key : List.of("boxes", "point_coords", "point_labels")) {
                if (!entry.containsKey(key)) {
                    throw invalid(name, "has no " + key + " (test.py reads all three)");
                }
            }
            double[] box = numbers(entry.get("boxes"), name, "boxes");
            if (box.length != 4) {
                throw invalid(name, "boxes must hold one box of 4 numbers, got " + box.length);
            }
            Object coordinates = entry.get("point_coords");
            if (coordinates instanceof List<?> list && list.size() == 1 && list.getFirst() instanceof List<?> inner
                    && !inner.isEmpty() && inner.getFirst() instanceof List<?>) {
                coordinates = inner; // [[[x, y], ...]], as test.py writes several points
            }
            double[] coords = numbers(coordinates, name, "point_coords");
            double[] labels = numbers(entry.get("point_labels"), name, "point_labels");
            if (coords.length != 2 * labels.length) {
                throw invalid(name, labels.length + " point_labels for " + coords.length / 2.0 + " point_coords");
            }
            int[] labelValues = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                labelValues[i] = (int) labels[i];
                if (labelValues[i] != labels[i] || labelValues[i] < -1 || labelValues[i] > 1) {
                    throw invalid(name, "point_labels must be 1, 0 or -1, got " + labels[i]);
                }
            }
            prompts.put(name, new FramePrompt(box, coords, labelValues));
        });
        return prompts;
    }

    /** The numbers of a list of numbers, or of a list of lists of numbers, flattened. */
    private static double[] numbers(Object value, String name, String key) {
        if (!(value instanceof List<?> list)) {
            throw invalid(name, key + " must be a list");
        }
        List<?> flat = list.stream().flatMap(item -> item instanceof List<?> inner ? inner.stream()
                : java.util.stream.Stream.of(item)).toList();
        double[] numbers = new double[flat.size()];
        for (int i = 0; i < numbers.length; i++) {
            if (!(flat.get(i) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw invalid(name, key + " must hold numbers, got " + flat.get(i));
            }
            numbers[i] = number.doubleValue();
        }
        return numbers;
    }

    private static InvalidPromptException invalid(String name, String problem) {
        return new InvalidPromptException("promptFile", "entry '" + name + "' " + problem);
    }
}
