package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FilterParser;
import java.nio.file.Path;
import org.samed2d.explorer.segment.EvaluationReport;
import org.samed2d.explorer.segment.EvaluationRequest;
import org.samed2d.explorer.segment.EvaluationService;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Quotas;
import org.samed2d.explorer.shared.DataSplit;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Evaluation runs on a filtered subset (whole-mask or SAM-Med2D's test.py protocol), with progress, as JSON or CSV. */
@RestController
@RequestMapping("/api/v1/evaluations")
class EvaluationController {

    private final EvaluationService evaluations;
    private final PortalAccess access;
    private final Quotas quotas;

    EvaluationController(EvaluationService evaluations, PortalAccess access, Quotas quotas) {
        this.evaluations = evaluations;
        this.access = access;
        this.quotas = quotas;
    }

    /**
     * @param filter the search filters as arrays, as in the query API ({@code {"label": ["liver"]}})
     * @param limit at most this many masks, in id order (default 100)
     * @param prompts whole-mask: box, 1point, 3points; sam-med2d: box, Npoints, Nclicks, and points with a prompt
     *                file (default box)
     * @param protocol {@code whole-mask} (default) or {@code sam-med2d}
     * @param split with part: the split an export used ({@code {"val": 0.1, "test": 0.2, "by": "case", "seed": 1}})
     * @param part {@code train}, {@code val} or {@code test}: only that part's masks
     * @param promptFile sam-med2d: a prompt file as test.py reads with --prompt_path, whose prompts are used
     */
    record Start(@Nullable Map<String, Object> filter, @Nullable Integer limit, @Nullable List<String> prompts,
                 @Nullable String model, @Nullable String protocol, @Nullable Map<String, Object> split,
                 @Nullable String part, @Nullable Map<String, Object> promptFile) {
    }

    @Operation(summary = "Start an evaluation, mean Dice overall and per modality, dataset and label. Protocol "
            + "whole-mask (default): a box of the whole mask, N positive points inside it; sam-med2d: SAM-Med2D's "
            + "test.py (largest region's box at 256x256, N/2 positive and N/2 negative points, iterative clicks from "
            + "the error region, Dice at the original size), its prompt files written and read. Runs share the server "
            + "in turn; 429 when you already have one running or its prompts exceed your daily budget")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvaluationReport> start(@RequestBody Start start, Authentication authentication) {
        Account account = access.account(authentication).orElseThrow();
        EvaluationReport report = evaluations.start(new EvaluationRequest(
                FilterParser.parse(FilterBody.parameters(start.filter()), Set.of()),
                start.limit() == null ? 100 : start.limit(),
                start.prompts() == null ? List.of("box") : start.prompts(), start.model(), start.protocol(),
                start.split() == null ? null : DataSplit.of(start.split()), start.part(), start.promptFile()),
                account.username(), (active, prompts) -> quotas.evaluation(account, active, prompts));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report);
    }

    @Operation(summary = "A finished sam-med2d evaluation's prompts of one kind, as SAM-Med2D's test.py reads them "
            + "with --prompt_path: keyed by mask file name, boxes, point_coords, point_labels in its 256x256 frame")
    @GetMapping(value = "/{id}/prompts/{kind}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> prompts(@PathVariable String id, @PathVariable String kind,
                                     Authentication authentication) {
        Path file = evaluations.promptFile(id, kind, access.requester(authentication).orElseThrow())
                .orElseThrow(() -> new NotFoundException("prompt file", id + "/" + kind));
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"256_prompt-" + kind
                + ".json\"").body(new FileSystemResource(file));
    }

    @Operation(summary = "An evaluation's state, progress and findings (its owner's and admins'; 404 for others)")
    @GetMapping("/{id}")
    EvaluationReport report(@PathVariable String id, Authentication authentication) {
        return evaluations.report(id, access.requester(authentication).orElseThrow())
                .orElseThrow(() -> new NotFoundException("evaluation", id));
    }

    @Operation(summary = "An evaluation's findings as CSV: prompt, group, masks, mean Dice")
    @GetMapping(value = "/{id}/csv", produces = "text/csv")
    String csv(@PathVariable String id, Authentication authentication) {
        EvaluationReport report = report(id, authentication);
        StringBuilder csv = new StringBuilder("prompt,group,masks,mean_dice\n");
        report.meanDice().forEach((prompt, groups) -> groups.forEach((group, dice) -> csv.append(prompt).append(',')
                .append('"').append(group.replace("\"", "\"\"")).append("\",")
                .append(report.counts().getOrDefault(group, 0L)).append(',')
                .append(String.format(java.util.Locale.ROOT, "%.4f", dice)).append('\n')));
        return csv.toString();
    }
}
