package org.samed2d.explorer.export;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.shared.DataSplit;
import org.samed2d.explorer.shared.DataSplit.Part;

/**
 * What an export's split put where, for manifest.json: images, masks and cases per part, overall and per dataset,
 * the cases of val and test, and the datasets kept in train for having too few cases.
 */
final class SplitTally {

    /** Images, masks and distinct cases of one part. */
    private static final class Counts {
        long images;
        long masks;
        final Set<String> cases = new HashSet<>();

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("images", images);
            json.put("masks", masks);
            json.put("cases", (long) cases.size());
            return json;
        }
    }

    private final DataSplit.Assignment assignment;
    private final Map<Part, Counts> overall = new EnumMap<>(Part.class);
    private final Map<String, Map<Part, Counts>> datasets = new TreeMap<>();
    private final Map<Part, TreeSet<List<String>>> listed = new EnumMap<>(Part.class);
    private final Map<String, Set<Part>> partsOfCase = new HashMap<>();

    SplitTally(DataSplit.Assignment assignment) {
        this.assignment = assignment;
        for (Part part : Part.values()) {
            overall.put(part, new Counts());
        }
        listed.put(Part.VAL, new TreeSet<>(SplitTally::compare));
        listed.put(Part.TEST, new TreeSet<>(SplitTally::compare));
    }

    private static int compare(List<String> a, List<String> b) {
        int byDataset = a.get(0).compareTo(b.get(0));
        return byDataset != 0 ? byDataset : a.get(1).compareTo(b.get(1));
    }

    void image(ImageRecord image, Part part, int masks) {
        String caseKey = image.dataset() + "\n" + image.caseName();
        Map<Part, Counts> ofDataset = datasets.computeIfAbsent(image.dataset(), d -> {
            Map<Part, Counts> counts = new EnumMap<>(Part.class);
            for (Part p : Part.values()) {
                counts.put(p, new Counts());
            }
            return counts;
        });
        for (Counts counts : List.of(overall.get(part), ofDataset.get(part))) {
            counts.images++;
            counts.masks += masks;
            counts.cases.add(caseKey);
        }
        if (listed.containsKey(part)) {
            listed.get(part).add(List.of(image.dataset(), image.caseName()));
        }
        if (assignment.split().byImage()) {
            partsOfCase.computeIfAbsent(caseKey, k -> EnumSet.noneOf(Part.class)).add(part);
        }
    }

    /** The split section of manifest.json. */
    Map<String, Object> manifest() {
        DataSplit split = assignment.split();
        Map<String, Object> json = new LinkedHashMap<>(split.parameters());
        json.put("assignment", "first 8 bytes of SHA-256 of \"<seed>\\n<dataset>\\n<" + (split.byImage()
                ? "image file name" : "case") + ">\" (UTF-8) as an unsigned big-endian number, shifted right by 11,"
                + " divided by 2^53: test below test, val below test + val, train above");
        json.put(split.byImage() ? "minimumImagesPerDataset" : "minimumCasesPerDataset", split.minimumUnits());
        List<String> kept = datasets.keySet().stream().filter(assignment::keptInTrain).toList();
        Map<String, Object> keptInTrain = new LinkedHashMap<>();
        keptInTrain.put("datasets", kept);
        keptInTrain.put("reason", "fewer " + (split.byImage() ? "images" : "cases") + " in the catalog than "
                + split.minimumUnits() + ", too few for every part to expect one");
        json.put("keptInTrain", keptInTrain);
        json.put("parts", byPart(overall));
        Map<String, Object> perDataset = new LinkedHashMap<>();
        datasets.forEach((dataset, counts) -> perDataset.put(dataset, byPart(counts)));
        json.put("datasets", perDataset);
        Map<String, Object> cases = new LinkedHashMap<>();
        listed.forEach((part, list) -> {
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> key : list) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("dataset", key.get(0));
                row.put("case", key.get(1));
                rows.add(row);
            }
            cases.put(part.parameter(), rows);
        });
        json.put("cases", cases);
        if (split.byImage()) {
            long several = partsOfCase.values().stream().filter(parts -> parts.size() > 1).count();
            json.put("warning", "split by image: slices of one case (one patient's volume, cut along x, y and z) fall"
                    + " on several sides, so val and test share patients with train; " + several
                    + " cases of this export are in more than one part");
        }
        return json;
    }

    private static Map<String, Object> byPart(Map<Part, Counts> counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        counts.forEach((part, c) -> json.put(part.parameter(), c.json()));
        return json;
    }
}
