package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.CatalogSummaries;
import org.samed2d.explorer.catalog.DatasetSummary;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.search.SearchService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Single images and masks by id, and the dataset and label lists. */
@RestController
@RequestMapping("/api/v1")
class ItemController {

    private final CatalogLookup catalog;
    private final CatalogSummaries summaries;
    private final SearchService search;

    ItemController(CatalogLookup catalog, CatalogSummaries summaries, SearchService search) {
        this.catalog = catalog;
        this.summaries = summaries;
        this.search = search;
    }

    record ImageDetail(MaskJson.Image image, List<MaskJson.Mask> masks) {
    }

    @Operation(summary = "One image with all its masks")
    @GetMapping("/images/{id}")
    ImageDetail image(@PathVariable long id) {
        ImageRecord image = catalog.image(id).orElseThrow(() -> new NotFoundException("image", id));
        List<MaskJson.Mask> masks = catalog.masksOfImage(id).stream()
                .map(mask -> MaskJson.of(mask, search.regions().regionOf(mask.label()))).toList();
        return new ImageDetail(MaskJson.of(image), masks);
    }

    @Operation(summary = "One mask")
    @GetMapping("/masks/{id}")
    MaskJson.Mask mask(@PathVariable long id) {
        return catalog.mask(id).map(mask -> MaskJson.of(mask, search.regions().regionOf(mask.label())))
                .orElseThrow(() -> new NotFoundException("mask", id));
    }

    @Operation(summary = "Source datasets with their image, mask and label counts and images per modality")
    @GetMapping("/datasets")
    List<DatasetSummary> datasets() {
        return summaries.datasets();
    }

    record Label(String name, String region, List<String> datasets, long masks) {
    }

    @Operation(summary = "Class names in use, with their body region, the datasets that use them and mask counts")
    @GetMapping("/labels")
    List<Label> labels() {
        return summaries.labels().stream().map(label -> new Label(label.name(),
                search.regions().regionOf(label.name()), label.datasets(), label.masks())).toList();
    }
}
