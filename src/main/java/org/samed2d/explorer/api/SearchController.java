package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.ImagePage;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskPage;
import org.samed2d.explorer.search.SearchService;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts, facets and pages of masks and images for a filter. Filters: repeat a parameter for OR, combine different
 * ones for AND; see {@link FilterParser} for the names.
 */
@RestController
@RequestMapping("/api/v1")
class SearchController {

    private static final String FILTERS = "Filters: modality, submodality, dataset, label, region "
            + "(head_neck, thorax, abdomen, pelvis, lesion, other), axis (x, y, z, 2d), areaMin/areaMax (pixels), "
            + "areaFractionMin/areaFractionMax (0..1 of the image), widthMin/widthMax, heightMin/heightMax, q (words "
            + "of dataset, case and label names). Repeat a parameter for OR; different parameters AND.";

    private final SearchService search;
    private final CatalogLookup catalog;

    SearchController(SearchService search, CatalogLookup catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    @Operation(summary = "How many masks and distinct images match", description = FILTERS)
    @GetMapping("/counts")
    MaskCounts counts(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return search.counts(FilterParser.parse(parameters, Set.of()));
    }

    @Operation(summary = "Mask counts per value of each dimension (every filter except the dimension's own) and "
            + "the area histogram (every filter except the area range)", description = FILTERS)
    @GetMapping("/facets")
    Map<String, Object> facets(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        FacetCounts facets = search.facets(FilterParser.parse(parameters, Set.of()));
        Map<String, Object> body = new LinkedHashMap<>();
        for (FacetDimension dimension : FacetDimension.values()) {
            body.put(dimension.parameter(), facets.values().get(dimension));
        }
        body.put("area", facets.area());
        body.put("masks", facets.counts().masks());
        body.put("images", facets.counts().images());
        return body;
    }

    record MaskList(List<MaskJson.Mask> items, @Nullable String next, long total) {
    }

    @Operation(summary = "A page of matching masks", description = FILTERS
            + " Paging: limit (1..1000, default 100), cursor (the 'next' of the previous page), sort (id, area, "
            + "-area, dataset).")
    @GetMapping("/masks")
    MaskList masks(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        MaskFilter filter = FilterParser.parse(parameters, Set.of("limit", "cursor", "sort"));
        PagingParameters paging = PagingParameters.of(parameters);
        MaskPage page = search.masks(filter, paging.sort(), paging.limit(), paging.cursor());
        List<MaskJson.Mask> items = catalog.masks(page.ids()).stream().map(this::json).toList();
        return new MaskList(items, page.next(), page.total());
    }

    record ImageItem(MaskJson.Image image, List<Long> matchingMaskIds) {
    }

    record ImageList(List<ImageItem> items, @Nullable String next, long total) {
    }

    @Operation(summary = "A page of images with at least one matching mask, by id, with their matching mask ids",
            description = FILTERS + " Paging: limit (1..1000, default 100), cursor.")
    @GetMapping("/images")
    ImageList images(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        MaskFilter filter = FilterParser.parse(parameters, Set.of("limit", "cursor"));
        PagingParameters paging = PagingParameters.of(parameters);
        ImagePage page = search.images(filter, paging.limit(), paging.cursor());
        Map<Long, List<Long>> matching = new LinkedHashMap<>();
        page.images().forEach(hit -> matching.put(hit.imageId(), hit.maskIds()));
        List<ImageItem> items = catalog.images(List.copyOf(matching.keySet())).stream()
                .map(image -> new ImageItem(MaskJson.of(image), matching.get(image.id()))).toList();
        return new ImageList(items, page.next(), page.total());
    }

    MaskJson.Mask json(MaskRecord mask) {
        return MaskJson.of(mask, search.regions().regionOf(mask.label()));
    }
}
