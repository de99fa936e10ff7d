package org.samed2d.explorer.export;

import java.io.Closeable;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.DataSplit;

/**
 * The lists SAM-Med2D's data loaders open: {@code image2label_<part>.json} ({@code {image: [mask, ...]}}, what
 * training reads) and {@code label2image_<part>.json} ({@code {mask: image}}, one entry per mask, what testing reads).
 * With a split: train and val images, test and val masks; without one, the whole subset as {@code _all}. Their paths
 * go to {@code cv2.imread} as written, so they start with {@code SAMed2Dv1/} (after the path prefix, if any) and
 * resolve from the folder the archive is unzipped into.
 */
final class SamMed2dLists implements Closeable {

    private final Map<String, JsonObjectFile> imageLists = new LinkedHashMap<>();
    private final Map<String, JsonObjectFile> maskLists = new LinkedHashMap<>();
    private final String prefix;

    SamMed2dLists(GeneratedFiles files, boolean split, String prefix) throws IOException {
        this.prefix = prefix;
        for (String part : split ? List.of("train", "val") : List.of("all")) {
            imageLists.put(part, new JsonObjectFile(files, "image2label_" + part + ".json"));
        }
        for (String part : split ? List.of("test", "val") : List.of("all")) {
            maskLists.put(part, new JsonObjectFile(files, "label2image_" + part + ".json"));
        }
    }

    void image(ImageRecord image, List<MaskRecord> masks, DataSplit.@Nullable Part part) throws IOException {
        String name = part == null ? "all" : part.parameter();
        JsonObjectFile images = imageLists.get(name);
        if (images != null) {
            StringBuilder paths = new StringBuilder("[");
            for (MaskRecord mask : masks) {
                paths.append(paths.length() > 1 ? ", " : "").append(JsonText.quote(prefix + mask.file()));
            }
            images.put(prefix + image.file(), paths.append("]").toString());
        }
        JsonObjectFile labels = maskLists.get(name);
        if (labels != null) {
            String imagePath = JsonText.quote(prefix + image.file());
            for (MaskRecord mask : masks) {
                labels.put(prefix + mask.file(), imagePath);
            }
        }
    }

    /** Plans the files; returns their archive names by what reads them. */
    Map<String, String> finish(GeneratedFiles files) throws IOException {
        close();
        Map<String, String> names = new LinkedHashMap<>();
        for (String part : imageLists.keySet()) {
            String file = "image2label_" + part + ".json";
            files.plan(file, ReleaseLayout.ROOT + file);
            names.put("image2label_" + part, ReleaseLayout.ROOT + file);
        }
        for (String part : maskLists.keySet()) {
            String file = "label2image_" + part + ".json";
            files.plan(file, ReleaseLayout.ROOT + file);
            names.put("label2image_" + part, ReleaseLayout.ROOT + file);
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        for (JsonObjectFile file : imageLists.values()) {
            file.close();
        }
        for (JsonObjectFile file : maskLists.values()) {
            file.close();
        }
    }
}
