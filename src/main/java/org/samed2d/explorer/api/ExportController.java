package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.export.ExportQuota;
import org.samed2d.explorer.export.ExportRecord;
import org.samed2d.explorer.export.ExportRequest;
import org.samed2d.explorer.export.ExportService;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Quotas;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.shared.DataSplit;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subset exports: start one, follow its preparation, download it. Downloads honour Range (206) and If-Range, carry
 * Content-Length and a strong ETag, so {@code curl -C -} resumes an interrupted download.
 */
@RestController
@RequestMapping("/api/v1/exports")
class ExportController {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final ExportService exports;
    private final PortalAccess access;
    private final Quotas quotas;

    ExportController(ExportService exports, PortalAccess access, Quotas quotas) {
        this.exports = exports;
        this.access = access;
        this.quotas = quotas;
    }

    /**
     * @param filter the search filters as arrays, as in the query API
     * @param format {@code sa-med2d}, {@code coco} or {@code manifest}
     * @param includeRestricted also export datasets whose licence forbids redistribution
     * @param split {@code {"val": 0.1, "test": 0.2, "by": "case", "seed": 1}}: train/val/test parts by a seeded hash
     *              of each dataset's case (or image); by defaults to case, seed to 0
     * @param pathPrefix sa-med2d: an absolute folder written before {@code SAMed2Dv1/} in SAM-Med2D's lists
     * @param categories coco: {@code label} (default) or {@code dataset-label}
     */
    record Start(@Nullable Map<String, Object> filter, @Nullable String format, @Nullable Boolean includeRestricted,
                 @Nullable Map<String, Object> split, @Nullable String pathPrefix, @Nullable String categories) {
    }

    @Operation(summary = "Start an export of the masks matching a filter (202). The answer waits up to 2 s for the plan: "
            + "most exports then come back done, with 'bytes' the archive's exact size; larger ones are queued or running "
            + "and carry their size once done")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExportRecord> start(@RequestBody Start start, Authentication authentication) {
        Account account = access.account(authentication).orElseThrow();
        ExportRecord record = exports.start(new ExportRequest(FilterBody.parameters(start.filter()),
                start.format() == null ? "" : start.format(), Boolean.TRUE.equals(start.includeRestricted()),
                start.split() == null ? null : DataSplit.of(start.split()), start.pathPrefix(), start.categories()),
                account.username(), quota(account));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(record);
    }

    private ExportQuota quota(Account account) {
        return (usage, requested) -> quotas.export(account, usage.active(), usage.bytesToday(), usage.unsized(),
                requested);
    }

    @Operation(summary = "Your exports (an admin sees everyone's), newest first")
    @GetMapping
    List<ExportRecord> list(Authentication authentication) {
        return exports.list().stream().filter(record -> visible(record, authentication)).toList();
    }

    /** Exports are their owner's (and admins'): others get a 404, as if it did not exist. */
    private boolean visible(ExportRecord record, Authentication authentication) {
        return record.visibleTo(authentication.getName(), access.may(authentication, Role.ADMIN));
    }

    @Operation(summary = "An export's state (queued, running, done, failed), progress 0..1, ETA and size")
    @GetMapping("/{id}")
    ExportRecord get(@PathVariable String id, Authentication authentication) {
        return exports.get(id).filter(record -> visible(record, authentication))
                .orElseThrow(() -> new NotFoundException("export", id));
    }

    @Operation(summary = "Prepare a failed export again, within the quotas of whoever restarts it")
    @PostMapping("/{id}/restart")
    ResponseEntity<ExportRecord> restart(@PathVariable String id, Authentication authentication) {
        get(id, authentication);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(exports.restart(id, quota(access.account(authentication).orElseThrow())));
    }

    @Operation(summary = "The archive (ZIP), whole or the byte range asked for")
    @GetMapping("/{id}/download")
    void download(@PathVariable String id, @RequestHeader(name = "Range", required = false) @Nullable String range,
                  @RequestHeader(name = "If-Range", required = false) @Nullable String ifRange,
                  HttpServletResponse response, Authentication authentication) throws IOException {
        ExportRecord record = get(id, authentication);
        if (!record.state().equals("done") || record.bytes() == null) {
            throw new org.samed2d.explorer.export.ExportRejectedException("id", "export " + id + " is "
                    + record.state() + ", not ready to download");
        }
        long length = record.bytes();
        String etag = "\"" + record.id() + "-" + length + "\"";
        long from = 0;
        long to = length - 1;
        Matcher matcher = range == null ? null : RANGE.matcher(range.strip());
        // "bytes=-" names no range at all (RFC 9110 14.1.1): it is ignored like any other invalid Range
        boolean partial = matcher != null && matcher.matches() && !(matcher.group(1) + matcher.group(2)).isEmpty()
                && (ifRange == null || ifRange.equals(etag));
        if (partial) {
            if (matcher.group(1).isEmpty()) {
                from = Math.max(0, length - position(matcher.group(2)));
            } else {
                from = position(matcher.group(1));
                to = matcher.group(2).isEmpty() ? to : Math.min(to, position(matcher.group(2)));
            }
            if (from > to || from >= length) {
                response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
                response.setHeader("Content-Range", "bytes */" + length);
                return;
            }
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + length);
        }
        response.setContentType("application/zip");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", etag);
        response.setHeader("Content-Disposition", "attachment; filename=\"sa-med2d-export-" + record.format() + "-"
                + id.substring(0, 8) + ".zip\"");
        response.setContentLengthLong(to - from + 1);
        exports.download(id, from, to, response.getOutputStream());
    }

    /** A byte position from a Range header; one beyond any long is as good as infinite. */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
