package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.segment.EvaluationReport;
import org.samed2d.explorer.segment.EvaluationService;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Quotas;
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

/** Runs of the SAM-Med2D evaluation protocol on a filtered subset, with progress, as JSON or CSV. */
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
     * @param prompts any of box, 1point, 3points (default box)
     */
    record Start(@Nullable Map<String, Object> filter, @Nullable Integer limit, @Nullable List<String> prompts,
                 @Nullable String model) {
    }

    @Operation(summary = "Start an evaluation: box prompts from each ground-truth mask's bounding box (and optionally "
            + "1 and 3 positive points inside it), mean Dice overall and per modality, dataset and label. Runs share "
            + "the server in turn; 429 when you already have one running or its prompts exceed your daily budget")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EvaluationReport> start(@RequestBody Start start, Authentication authentication) {
        Account account = access.account(authentication).orElseThrow();
        EvaluationReport report = evaluations.start(FilterParser.parse(FilterBody.parameters(start.filter()), Set.of()),
                start.limit() == null ? 100 : start.limit(),
                start.prompts() == null ? List.of("box") : start.prompts(), start.model(), account.username(),
                (active, prompts) -> quotas.evaluation(account, active, prompts));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(report);
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
