package org.samed2d.explorer.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.search.FacetDimension;

/** The JSON shapes of masks and images: release-relative files, modality split three ways, inclusive bbox. */
final class MaskJson {

    private MaskJson() {
    }

    /**
     * @param area null while the geometry pass has not decoded the mask; bbox and centroid likewise
     * @param bbox {@code [x0, y0, x1, y1]}, inclusive pixel coordinates
     */
    record Mask(long id, String file, long imageId, String imageFile, String dataset, String modality,
                String submodality, String modalityString, @JsonProperty("case") String caseName, String axis, @Nullable Integer slice,
                String label, String region, String classId, int instance, @Nullable Long area,
                @Nullable List<Integer> bbox, @Nullable List<Double> centroid, int width, int height) {
    }

    record Image(long id, String file, String dataset, String modality, String submodality, String modalityString,
                 @JsonProperty("case") String caseName, String axis, @Nullable Integer slice, int width, int height, long byteSize) {
    }

    static Mask of(MaskRecord mask, String region) {
        MaskRecord.Geometry g = mask.geometry();
        return new Mask(mask.id(), mask.file(), mask.imageId(), mask.imageFile(), mask.dataset(), mask.baseModality(),
                sub(mask.subModality()), mask.modality(), mask.caseName(), mask.axis(), mask.slice(), mask.label(),
                region, mask.classId(), mask.instance(), g == null ? null : g.area(),
                g == null ? null : List.of(g.x0(), g.y0(), g.x1(), g.y1()),
                g == null ? null : List.of(g.centroidX(), g.centroidY()), mask.width(), mask.height());
    }

    static Image of(ImageRecord image) {
        return new Image(image.id(), image.file(), image.dataset(), image.baseModality(), sub(image.subModality()),
                image.modality(), image.caseName(), image.axis(), image.slice(), image.width(), image.height(),
                image.byteSize());
    }

    private static String sub(@Nullable String subModality) {
        return subModality == null ? FacetDimension.NO_SUBMODALITY : subModality;
    }
}
