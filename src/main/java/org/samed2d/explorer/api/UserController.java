package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.ingest.IngestReport;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.AccountRejectedException;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.samed2d.explorer.shared.Progress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admin only (the filter chain checks): accounts, ingests on the server and rebuilding the search index. */
@RestController
class UserController {

    private final UserAccounts accounts;
    private final SearchService search;
    private final IngestService ingest;

    UserController(UserAccounts accounts, SearchService search, IngestService ingest) {
        this.accounts = accounts;
        this.search = search;
        this.ingest = ingest;
    }

    @Operation(summary = "Every account")
    @GetMapping("/api/v1/users")
    List<Account> users() {
        return accounts.list();
    }

    /** @param role viewer, researcher or admin */
    record NewUser(@Nullable String username, @Nullable String password, @Nullable String role) {
    }

    @Operation(summary = "Add an account")
    @PostMapping("/api/v1/users")
    ResponseEntity<Account> add(@RequestBody NewUser request) {
        Account account = accounts.add(required("username", request.username()), required("password", request.password()),
                role(required("role", request.role())));
        return ResponseEntity.status(HttpStatus.CREATED).body(account);
    }

    /** Any of role, enabled and password; what is left out stays as it is. */
    record Change(@Nullable String role, @Nullable Boolean enabled, @Nullable String password) {
    }

    @Operation(summary = "Change an account's role, disable or enable it, or set its password")
    @PatchMapping("/api/v1/users/{username}")
    Account change(@PathVariable String username, @RequestBody Change change) {
        Account account = accounts.find(username).orElseThrow(() -> new NotFoundException("account", username));
        if (change.password() != null) {
            accounts.changePassword(username, change.password());
        }
        if (change.role() != null) {
            account = accounts.changeRole(username, role(change.role()));
        }
        if (change.enabled() != null) {
            account = accounts.enable(username, change.enabled());
        }
        return account;
    }

    @Operation(summary = "Rebuild the search index from the catalog in the background; searches answer from the old one meanwhile")
    @PostMapping("/api/v1/admin/reindex")
    ResponseEntity<Progress> reindex() {
        search.rebuildInBackground();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(search.status());
    }

    /** @param path a release folder, ZIP or split ZIP's .zip on the server, inside the configured ingest roots */
    record IngestRequest(@Nullable String path) {
    }

    /** The running ingest's progress and the last run's outcome. */
    record IngestStatus(Progress progress, @Nullable IngestReport lastReport, @Nullable String lastFailure) {
    }

    @Operation(summary = "Ingest a release on the server (admin), inside the configured ingest roots; progress under GET")
    @PostMapping("/api/v1/admin/ingests")
    ResponseEntity<IngestStatus> ingest(@RequestBody IngestRequest request) {
        ingest.ingestRequested(required("path", request.path()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ingestStatus());
    }

    @Operation(summary = "The running ingest's progress and the last ingest's report")
    @GetMapping("/api/v1/admin/ingests")
    IngestStatus ingestStatus() {
        return new IngestStatus(ingest.status(), ingest.lastReport(), ingest.lastFailure());
    }

    @Operation(summary = "The search index's build progress")
    @GetMapping("/api/v1/admin/reindex")
    Progress reindexStatus() {
        return search.status();
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new AccountRejectedException(field, "is required");
        }
        return value;
    }

    private static Role role(String value) {
        return Role.ofParameter(value).orElseThrow(() -> new AccountRejectedException("role",
                "'" + value + "' is not one of viewer, researcher, admin"));
    }
}
