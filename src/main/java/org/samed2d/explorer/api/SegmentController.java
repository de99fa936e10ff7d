package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.segment.EmbeddingPrecompute;
import org.samed2d.explorer.segment.PrecomputeReport;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Quotas;
import org.samed2d.explorer.shared.Requester;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.segment.SegmentRequest;
import org.samed2d.explorer.segment.SegmentResult;
import org.samed2d.explorer.segment.SegmentService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Prompt segmentation: a box and/or points on an image in, a mask (RLE, PNG) and its scores out. */
@RestController
@RequestMapping("/api/v1/segment")
class SegmentController {

    private final SegmentService segmentation;
    private final EmbeddingPrecompute precompute;
    private final PortalAccess access;
    private final Quotas quotas;

    SegmentController(SegmentService segmentation, EmbeddingPrecompute precompute, PortalAccess access, Quotas quotas) {
        this.segmentation = segmentation;
        this.precompute = precompute;
        this.access = access;
        this.quotas = quotas;
    }

    /** @param filter the search filters as arrays; @param limit at most this many images (default 1000) */
    record Precompute(@Nullable Map<String, Object> filter, @Nullable Integer limit, @Nullable String model) {
    }

    @Operation(summary = "Embed the images of a filtered subset in the background, so prompts on them need only the "
            + "decoder; progress under GET /api/v1/segment/precompute/{id}")
    @PostMapping(value = "/precompute", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PrecomputeReport> precompute(@RequestBody Precompute request, Authentication authentication) {
        PrecomputeReport report = precompute.start(FilterParser.parse(FilterBody.parameters(request.filter()), Set.of()),
                request.limit() == null ? 1000 : request.limit(), request.model(), authentication.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report);
    }

    @Operation(summary = "A precompute job's state and progress (its owner's and admins'; 404 for others)")
    @GetMapping("/precompute/{id}")
    PrecomputeReport precomputeReport(@PathVariable String id, Authentication authentication) {
        return precompute.report(id, requester(authentication))
                .orElseThrow(() -> new NotFoundException("precompute job", id));
    }

    private Requester requester(Authentication authentication) {
        return access.requester(authentication).orElseThrow();
    }

    /**
     * The result with the URL of its mask as PNG; the top-level fields are the chosen candidate's (best predicted
     * IoU), {@code candidates} lists every mask the model returned, each with its own PNG.
     */
    record Segmented(String id, String model, long imageId, long area, int @Nullable [] bbox, double score,
                     SegmentResult.Rle rle, String png, @Nullable Double dice, @Nullable Double iou,
                     SegmentResult.Timing timing, int candidate, List<Candidate> candidates) {

        static Segmented of(SegmentResult result) {
            String base = "/api/v1/segment/" + result.id();
            return new Segmented(result.id(), result.model(), result.imageId(), result.area(), result.bbox(),
                    result.score(), result.rle(), base + "/png", result.dice(), result.iou(), result.timing(),
                    result.candidate(), result.candidates().stream().map(c -> new Candidate(c.index(), c.area(),
                            c.bbox(), c.score(), c.rle(), base + "/candidates/" + c.index() + "/png", c.dice(),
                            c.iou())).toList());
        }
    }

    record Candidate(int index, long area, int @Nullable [] bbox, double score, SegmentResult.Rle rle, String png,
                     @Nullable Double dice, @Nullable Double iou) {
    }

    @Operation(summary = "Segment an image from a box [x0,y0,x1,y1] and/or points {x,y,positive} in image pixels; "
            + "box edges are continuous as in SAM (0 <= x0 < x1 <= width, 0 <= y0 < y1 <= height), unlike a mask's "
            + "inclusive bbox; "
            + "'previous' refines an earlier result (its chosen candidate, or 'previousCandidate'), "
            + "'groundTruthMaskId' adds Dice and IoU (for every candidate), 'model' picks a profile. "
            + "The answer describes the candidate with the best predicted IoU and lists all of them. "
            + "429 with Retry-After when the server is busy or your per-minute quota is used up.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Segmented segment(@RequestBody SegmentRequest request, Authentication authentication) {
        quotas.segmentation(access.account(authentication).orElseThrow());
        SegmentResult result = segmentation.segment(request, authentication.getName());
        return Segmented.of(result);
    }

    @Operation(summary = "The predicted mask of a result as a 0/255 PNG (kept 30 minutes after last use; its owner's "
            + "and admins', 404 for others)")
    @GetMapping("/{id}/png")
    ResponseEntity<byte[]> png(@PathVariable String id, Authentication authentication) {
        byte[] png = segmentation.png(id, requester(authentication))
                .orElseThrow(() -> new NotFoundException("segmentation result", id));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    @Operation(summary = "Candidate mask k of a result (numbered from 0, as in 'candidates') as a 0/255 PNG; 404 for "
            + "others' results and for a k the result does not have")
    @GetMapping("/{id}/candidates/{candidate}/png")
    ResponseEntity<byte[]> candidatePng(@PathVariable String id, @PathVariable int candidate,
                                        Authentication authentication) {
        byte[] png = segmentation.png(id, candidate, requester(authentication))
                .orElseThrow(() -> new NotFoundException("segmentation candidate", id + "/" + candidate));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png);
    }

    record Models(String defaultModel, Set<String> available) {
    }

    @Operation(summary = "The models this server can run")
    @GetMapping("/models")
    Models models() {
        return new Models(segmentation.defaultModel(), segmentation.models());
    }
}
