package org.samed2d.explorer.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.shared.DataSplit;
import org.samed2d.explorer.shared.DataSplit.Part;

/**
 * What an export's split put where, for manifest.json: images, masks and cases per part, overall and per dataset,
 * the cases of val and test, and the datasets kept in train for having too few cases. Cases are counted once the
 * walk is over, from the parts each case was seen in, so each image costs one map lookup at most (none when it is of
 * the same case as the image before, as a volume's slices mostly are).
 */
final class SplitTally {

    private final DataSplit.Assignment assignment;
    /** Per dataset, per part: images and masks. */
    private final Map<String, long[][]> datasets = new TreeMap<>();
    /** Per dataset, per case: the parts its images are in. */
    private final Map<String, Map<String, Set<Part>>> cases = new HashMap<>();
    private String lastDataset = "";
    private String lastCase = "";
    private Set<Part> lastParts = EnumSet.noneOf(Part.class);

    SplitTally(DataSplit.Assignment assignment) {
        this.assignment = assignment;
    }

    void image(ImageRecord image, Part part, int masks) {
        long[][] counts = datasets.computeIfAbsent(image.dataset(), d -> new long[Part.values().length][2]);
        counts[part.ordinal()][0]++;
        counts[part.ordinal()][1] += masks;
        if (!image.caseName().equals(lastCase) || !image.dataset().equals(lastDataset)) {
            lastDataset = image.dataset();
            lastCase = image.caseName();
            lastParts = cases.computeIfAbsent(lastDataset, d -> new HashMap<>())
                    .computeIfAbsent(lastCase, c -> EnumSet.noneOf(Part.class));
        }
        lastParts.add(part);
    }

    /** The split section of manifest.json. */
    Map<String, Object> manifest() {
        DataSplit split = assignment.split();
        Map<String, Object> json = new LinkedHashMap<>(split.parameters());
        json.put("assignment", "first 8 bytes of SHA-256 of \"<seed>\\n<dataset>\\n<" + (split.byImage()
                ? "image file name" : "case") + ">\" (UTF-8) as an unsigned big-endian number, shifted right by 11,"
                + " divided by 2^53: test below test, val below test + val, train above");
        json.put(split.byImage() ? "minimumImagesPerDataset" : "minimumCasesPerDataset", split.minimumUnits());
        Map<String, Object> keptInTrain = new LinkedHashMap<>();
        keptInTrain.put("datasets", datasets.keySet().stream().filter(assignment::keptInTrain).toList());
        keptInTrain.put("reason", "fewer " + (split.byImage() ? "images" : "cases") + " in the catalog than "
                + split.minimumUnits() + ", too few for every part to expect one");
        json.put("keptInTrain", keptInTrain);
        long[][] overall = new long[Part.values().length][3];
        Map<String, Object> perDataset = new LinkedHashMap<>();
        Map<Part, List<Map<String, String>>> listed = new EnumMap<>(Part.class);
        listed.put(Part.VAL, new ArrayList<>());
        listed.put(Part.TEST, new ArrayList<>());
        long several = 0;
        for (Map.Entry<String, long[][]> dataset : datasets.entrySet()) {
            long[][] counts = new long[Part.values().length][3];
            Map<String, Set<Part>> ofDataset = new TreeMap<>(cases.get(dataset.getKey()));
            for (Map.Entry<String, Set<Part>> caseParts : ofDataset.entrySet()) {
                several += caseParts.getValue().size() > 1 ? 1 : 0;
                for (Part part : caseParts.getValue()) {
                    counts[part.ordinal()][2]++;
                    if (listed.containsKey(part)) {
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("dataset", dataset.getKey());
                        row.put("case", caseParts.getKey());
                        listed.get(part).add(row);
                    }
                }
            }
            for (Part part : Part.values()) {
                counts[part.ordinal()][0] = dataset.getValue()[part.ordinal()][0];
                counts[part.ordinal()][1] = dataset.getValue()[part.ordinal()][1];
                for (int i = 0; i < 3; i++) {
                    overall[part.ordinal()][i] += counts[part.ordinal()][i];
                }
            }
            perDataset.put(dataset.getKey(), byPart(counts));
        }
        json.put("parts", byPart(overall));
        json.put("datasets", perDataset);
        Map<String, Object> listedCases = new LinkedHashMap<>();
        listed.forEach((part, rows) -> listedCases.put(part.parameter(), rows));
        json.put("cases", listedCases);
        if (split.byImage()) {
            json.put("warning", "split by image: slices of one case (one patient's volume, cut along x, y and z) fall"
                    + " on several sides, so val and test share patients with train; " + several
                    + " cases of this export are in more than one part");
        }
        return json;
    }

    /** {@code {"train": {"images", "masks", "cases"}, "val": ..., "test": ...}}. */
    private static Map<String, Object> byPart(long[][] counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("images", counts[part.ordinal()][0]);
            c.put("masks", counts[part.ordinal()][1]);
            c.put("cases", counts[part.ordinal()][2]);
            json.put(part.parameter(), c);
        }
        return json;
    }
}
