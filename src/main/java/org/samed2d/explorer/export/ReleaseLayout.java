package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.shared.DataSplit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code sa-med2d} format: the release layout of the subset (original PNGs under {@code SAMed2Dv1/},
 * {@code SAMed2D_v1.json} of the subset, the class mapping of the classes used), plus what training code reads as it
 * is: SAM-Med2D's own lists, a MONAI datalist and {@code manifest.csv}, one row per mask.
 */
final class ReleaseLayout implements ExportLayout {

    static final String ROOT = "SAMed2Dv1/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CSV_HEADER = "mask_id,mask,image,dataset,modality,submodality,label,class_id,instance,case,"
            + "axis,slice,part\n";

    private final JsonObjectFile index;
    private final SamMed2dLists lists;
    private final Datalist datalist;
    private final BufferedWriter csv;
    private final String pathPrefix;
    private final Map<String, Map<String, String>> classes = new TreeMap<>();
    private final List<MaskRecord> masks = new ArrayList<>();
    private @Nullable ImageRecord image;
    private DataSplit.@Nullable Part part;

    ReleaseLayout(GeneratedFiles files, @Nullable DataSplit split, @Nullable String pathPrefix) throws IOException {
        this.pathPrefix = (pathPrefix == null ? "" : pathPrefix) + ROOT;
        this.index = new JsonObjectFile(files, "SAMed2D_v1.json");
        this.lists = new SamMed2dLists(files, split != null, this.pathPrefix);
        this.datalist = new Datalist(files, split != null);
        this.csv = files.open("manifest.csv");
        csv.write(CSV_HEADER);
    }

    @Override
    public String image(ImageRecord image, FileFacts facts, DataSplit.@Nullable Part part) {
        this.image = image;
        this.part = part;
        masks.clear();
        return ROOT + image.file();
    }

    @Override
    public String mask(MaskRecord mask, FileFacts facts) throws IOException {
        masks.add(mask);
        classes.computeIfAbsent(mask.dataset(), d -> new TreeMap<>()).put(mask.label(), mask.classId());
        String partName = part == null ? "all" : part.parameter();
        StringBuilder row = new StringBuilder(256).append(mask.id());
        for (String field : new String[] {pathPrefix + mask.file(), pathPrefix + mask.imageFile(), mask.dataset(),
                mask.baseModality(), mask.subModality() == null ? "" : mask.subModality(), mask.label(),
                mask.classId(), Integer.toString(mask.instance()), mask.caseName(), mask.axis(),
                mask.slice() == null ? "" : mask.slice().toString(), partName}) {
            row.append(',').append(ManifestRows.quote(field));
        }
        csv.write(row.append('\n').toString());
        datalist.item(mask, part);
        return ROOT + mask.file();
    }

    @Override
    public void endImage() throws IOException {
        if (image == null) {
            return;
        }
        StringBuilder names = new StringBuilder("[");
        for (MaskRecord mask : masks) {
            names.append(names.length() > 1 ? ", " : "").append(JsonText.quote(mask.file()));
        }
        index.put(image.file(), names.append("]").toString());
        lists.image(image, masks, part);
        image = null;
    }

    @Override
    public Map<String, Object> finish(GeneratedFiles files) throws IOException {
        close();
        files.plan("SAMed2D_v1.json", ROOT + "SAMed2D_v1.json");
        files.write("SAMed2D_v1_class_mapping_id.json",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(classes) + "\n");
        files.plan("SAMed2D_v1_class_mapping_id.json", ROOT + "SAMed2D_v1_class_mapping_id.json");
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("samMed2d", lists.finish(files));
        described.put("monaiDatalist", datalist.finish());
        files.plan("manifest.csv", "manifest.csv");
        described.put("masksCsv", "manifest.csv");
        if (!pathPrefix.equals(ROOT)) {
            described.put("pathPrefix", pathPrefix.substring(0, pathPrefix.length() - ROOT.length()));
        }
        return Map.of("trainingFiles", described);
    }

    @Override
    public void close() throws IOException {
        try (index; lists; datalist; csv) {
            endImage();
        }
    }
}
