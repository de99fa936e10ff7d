package org.samed2d.explorer.api;

import org.samed2d.explorer.media.MediaService;
import tools.jackson.core.JacksonException;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.samed2d.explorer.shared.QuotaExceededException;
import org.samed2d.explorer.shared.ServerPaths;
import org.samed2d.explorer.segment.ModelInterfaceException;
import org.samed2d.explorer.segment.SegmentationBusyException;
import org.springframework.http.ResponseEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors as {@code application/problem+json}: 400 naming the bad parameter, 404 for unknown ids, and for anything
 * unexpected a 500 that says so without a stack trace (the log has it).
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameterException e) {
        return badParameter(e.parameter(), e.getMessage());
    }

    private static ProblemDetail badParameter(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", parameter);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badParameter(e.getName(), e.getName() + ": '" + e.getValue() + "' is not a valid " + e.getName());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(SegmentationBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Busy");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> quota(QuotaExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Quota exceeded");
        problem.setProperty("quota", e.quota());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))).body(problem);
    }

    /** The search cluster is down or unreachable: only search answers so; try again after Retry-After. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> searchUnavailable(org.samed2d.explorer.search.SearchUnavailableException e) {
        log.warn("Search unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "search is unavailable right now: the search cluster cannot answer; the rest of the API works, and "
                        + "the index catches up by itself when the cluster is back");
        problem.setTitle("Search unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))).body(problem);
    }

    @ExceptionHandler
    ProblemDetail ingestBusy(org.samed2d.explorer.ingest.IngestBusyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Ingest running");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badModel(ModelInterfaceException e) {
        log.error("A segmentation model cannot be used: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Model unavailable");
        return problem;
    }

    /** Names the field whose value has the wrong type, without the server's class names. */
    @ExceptionHandler
    ProblemDetail unreadableBody(org.springframework.http.converter.HttpMessageNotReadableException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (!(cause instanceof JacksonException json)) {
            return badParameter("body", "body: missing or not JSON");
        }
        String field = json.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
        String where = json.getLocation() == null ? "" : " (line " + json.getLocation().getLineNr() + ", column "
                + json.getLocation().getColumnNr() + ")";
        boolean syntax = json instanceof tools.jackson.core.exc.StreamReadException
                && !(json instanceof tools.jackson.databind.exc.MismatchedInputException);
        String problem = syntax ? "not valid JSON" : field.isEmpty() ? "must be a JSON object with this endpoint's fields"
                : "has a value of the wrong type";
        String name = field.isEmpty() ? "body" : field;
        return badParameter(name, name + ": " + problem + where);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    /** Tomcat refuses a query string it cannot split into parameters (an empty name, a bad %-escape). */
    @ExceptionHandler
    ProblemDetail unparsableQuery(org.apache.tomcat.util.http.InvalidParameterException e) {
        return badParameter("query", "query: the query string cannot be split into name=value parameters ("
                + rootMessage(e) + ")");
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    /** Where the release lives on the server is for admins and the log; others see release-relative names. */
    @ExceptionHandler
    ProblemDetail unreadable(MediaService.UnreadableFileException e, jakarta.servlet.http.HttpServletRequest request) {
        log.warn("A catalogued file cannot be read: {}", e.getMessage());
        String reason = request.isUserInRole("ADMIN") ? e.getMessage() : ServerPaths.hidden(e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the file is in the catalog but cannot be read from its release: " + reason);
        problem.setTitle("File unavailable");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException e) {
        if (e instanceof ErrorResponse known) {
            return known.getBody();
        }
        log.error("Request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the server failed to answer this request; the failure is in its log");
        problem.setTitle("Internal error");
        return problem;
    }
}
