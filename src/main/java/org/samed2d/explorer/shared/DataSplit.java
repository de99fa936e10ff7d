package org.samed2d.explorer.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A train/val/test split: each case (or each image) goes to one part by a seeded hash of its dataset and name, so the
 * same fractions and seed put it on the same side on any machine and under any filter. A dataset goes to train whole
 * when the catalog holds too few of its cases (images) for every part to expect one.
 *
 * <p>The hash: the first 8 bytes of SHA-256 of {@code "<seed>\n<dataset>\n<case>"} (by image:
 * {@code "<seed>\n<dataset>\n<image file name>"}, UTF-8) as an unsigned big-endian number, shifted right by 11 and
 * divided by 2^53, give u in [0, 1): test when u &lt; test, val when u &lt; test + val, train otherwise.
 *
 * @param val the fraction for validation, 0..1
 * @param test the fraction for testing, 0..1; val + test at most 1
 * @param by {@code case} (every image of a dataset's case on one side) or {@code image} (per image, as the
 *           SA-Med2D authors did: slices of one case fall on several sides)
 */
public record DataSplit(double val, double test, String by, long seed) {

    public static final String BY_CASE = "case";
    public static final String BY_IMAGE = "image";

    public DataSplit {
        fraction("val", val);
        fraction("test", test);
        if (val + test > 1 + 1e-9) {
            throw new InvalidParameterException("split", "val + test must be at most 1, got " + (val + test));
        }
        if (!by.equals(BY_CASE) && !by.equals(BY_IMAGE)) {
            throw new InvalidParameterException("split", "by must be 'case' or 'image', got '" + by + "'");
        }
    }

    private static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidParameterException("split", name + " must be a fraction between 0 and 1, got " + value);
        }
    }

    /** The parts of a split, in the order their files are named. */
    public enum Part {
        TRAIN, VAL, TEST;

        private final String parameter = name().toLowerCase(Locale.ROOT);

        /** {@code train}, {@code val} or {@code test}. */
        public String parameter() {
            return parameter;
        }

        public static Part of(String parameter) {
            for (Part part : values()) {
                if (part.parameter().equals(parameter)) {
                    return part;
                }
            }
            throw new InvalidParameterException("part", "must be train, val or test, got '" + parameter + "'");
        }
    }

    public boolean byImage() {
        return by.equals(BY_IMAGE);
    }

    /**
     * The fewest cases (by image: images) a dataset needs in the catalog to be split: enough for each part with a
     * fraction above 0 to expect at least one. A dataset with fewer goes to train whole.
     */
    public long minimumUnits() {
        double smallest = 1;
        for (double fraction : new double[] {val, test}) {
            if (fraction > 0) {
                smallest = Math.min(smallest, fraction);
            }
        }
        return (long) Math.ceil(1 / smallest - 1e-9);
    }

    /** u in [0, 1) for a case (or image), as the class comment describes. */
    public double draw(String dataset, String caseName, String imageFile) {
        String unit = byImage() ? imageFile.substring(imageFile.lastIndexOf('/') + 1) : caseName;
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "\n" + dataset + "\n" + unit).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (digest[i] & 0xff);
        }
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** The part of a case (or image) of a dataset that is split; see {@link #assignment} for the whole rule. */
    public Part part(String dataset, String caseName, String imageFile) {
        double u = draw(dataset, caseName, imageFile);
        return u < test ? Part.TEST : u < test + val ? Part.VAL : Part.TRAIN;
    }

    /**
     * The split applied to a catalog: {@code units} holds each dataset's cases (by image: images) in the whole
     * catalog, whatever a filter matches, so that a filter never moves a case.
     */
    public Assignment assignment(Map<String, Long> units) {
        return new Assignment(this, units);
    }

    /** Parts of images, datasets with too few cases kept in train; remembers the draws it made. Not thread-safe. */
    public static final class Assignment {

        private final DataSplit split;
        private final Map<String, Long> units;
        private final Map<String, Part> drawn = new HashMap<>();

        private Assignment(DataSplit split, Map<String, Long> units) {
            this.split = split;
            this.units = Map.copyOf(units);
        }

        public DataSplit split() {
            return split;
        }

        /** Whether the dataset goes to train whole, having fewer cases (images) in the catalog than the split needs. */
        public boolean keptInTrain(String dataset) {
            return units.getOrDefault(dataset, 0L) < split.minimumUnits();
        }

        public Part part(String dataset, String caseName, String imageFile) {
            if (keptInTrain(dataset)) {
                return Part.TRAIN;
            }
            String key = dataset + "\n" + (split.byImage() ? imageFile : caseName);
            return drawn.computeIfAbsent(key, k -> split.part(dataset, caseName, imageFile));
        }
    }

    /** The split's parameters as JSON and the manifest show them. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("val", val);
        parameters.put("test", test);
        parameters.put("by", by);
        parameters.put("seed", seed);
        return parameters;
    }

    private static final Set<String> KEYS = Set.of("val", "test", "by", "seed");

    /** From a JSON object ({@code {"val": 0.1, "test": 0.2, "by": "case", "seed": 1}}); by and seed may be left out. */
    public static DataSplit of(Map<String, ?> json) {
        for (String key : json.keySet()) {
            if (!KEYS.contains(key)) {
                throw new InvalidParameterException("split", "unknown key '" + key + "'; a split has " + KEYS.stream()
                        .sorted().toList());
            }
        }
        return new DataSplit(number(json.get("val"), "val"), number(json.get("test"), "test"),
                json.get("by") == null ? BY_CASE : String.valueOf(json.get("by")), seed(json.get("seed")));
    }

    /** From the command line's {@code val=0.1,test=0.2,by=case,seed=1}. */
    public static DataSplit parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            int at = pair.indexOf('=');
            if (at < 1) {
                throw new InvalidParameterException("split", "expected NAME=VALUE pairs such as val=0.1,test=0.2,"
                        + "by=case,seed=1, found '" + pair + "'");
            }
            values.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip());
        }
        return of(values);
    }

    private static double number(Object value, String name) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("split", name + " must be a number, got '" + value + "'");
        }
    }

    private static long seed(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number && number.doubleValue() == number.longValue()) {
            return number.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("split", "seed must be a whole number, got '" + value + "'");
        }
    }
}
