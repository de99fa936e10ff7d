package org.samed2d.explorer.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.MaskRecord;
import tools.jackson.databind.json.JsonMapper;

/** One manifest row per mask: every catalog field and the sha256 of the mask and image files. */
final class ManifestRows {

    static final String CSV_HEADER = "mask_id,mask_file,mask_sha256,image_id,image_file,image_sha256,dataset,modality,"
            + "submodality,modality_string,case,axis,slice,label,class_id,instance,area,bbox_x0,bbox_y0,bbox_x1,"
            + "bbox_y1,centroid_x,centroid_y,width,height\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ManifestRows() {
    }

    /** A CSV row; {@code part} (the split's part, none without a split) is the last column when given. */
    static String csv(MaskRecord mask, String imageSha, String maskSha, @Nullable String part) {
        return String.join(",", fields(mask, imageSha, maskSha, part).values().stream()
                .map(value -> value == null ? "" : quote(String.valueOf(value))).toList()) + "\n";
    }

    static String json(MaskRecord mask, String imageSha, String maskSha, @Nullable String part) {
        return JSON.writeValueAsString(fields(mask, imageSha, maskSha, part));
    }

    private static Map<String, Object> fields(MaskRecord mask, String imageSha, String maskSha,
                                              @Nullable String part) {
        Map<String, Object> row = new LinkedHashMap<>();
        MaskRecord.Geometry g = mask.geometry();
        row.put("mask_id", mask.id());
        row.put("mask_file", mask.file());
        row.put("mask_sha256", maskSha);
        row.put("image_id", mask.imageId());
        row.put("image_file", mask.imageFile());
        row.put("image_sha256", imageSha);
        row.put("dataset", mask.dataset());
        row.put("modality", mask.baseModality());
        row.put("submodality", mask.subModality());
        row.put("modality_string", mask.modality());
        row.put("case", mask.caseName());
        row.put("axis", mask.axis());
        row.put("slice", mask.slice());
        row.put("label", mask.label());
        row.put("class_id", mask.classId());
        row.put("instance", mask.instance());
        row.put("area", g == null ? null : g.area());
        row.put("bbox_x0", g == null ? null : g.x0());
        row.put("bbox_y0", g == null ? null : g.y0());
        row.put("bbox_x1", g == null ? null : g.x1());
        row.put("bbox_y1", g == null ? null : g.y1());
        row.put("centroid_x", g == null ? null : g.centroidX());
        row.put("centroid_y", g == null ? null : g.centroidY());
        row.put("width", mask.width());
        row.put("height", mask.height());
        if (part != null) {
            row.put("part", part);
        }
        return row;
    }

    static String quote(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
