package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.PortalAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account and personal API tokens. */
@RestController
@RequestMapping("/api/v1")
class AccountController {

    private final PortalAccess access;
    private final ApiTokens tokens;

    AccountController(PortalAccess access, ApiTokens tokens) {
        this.access = access;
        this.tokens = tokens;
    }

    @Operation(summary = "Who you are signed in as, and your role")
    @GetMapping("/me")
    Account me(Authentication authentication) {
        return caller(authentication);
    }

    private Account caller(Authentication authentication) {
        return access.account(authentication).orElseThrow(() -> new NotFoundException("account", authentication.getName()));
    }

    @Operation(summary = "Your API tokens (never the secrets)")
    @GetMapping("/tokens")
    List<ApiTokens.TokenInfo> tokens(Authentication authentication) {
        return tokens.list(caller(authentication).username());
    }

    /** @param expiresInDays validity, 1 to the configured maximum (default 90, or what the calling token has left) */
    record NewToken(@Nullable String name, @Nullable Integer expiresInDays) {
    }

    @Operation(summary = "Create an API token; the answer holds the token, the only time it is shown. A request made "
            + "with a token may only create tokens that expire no later than that token")
    @PostMapping("/tokens")
    ResponseEntity<ApiTokens.IssuedToken> create(@RequestBody NewToken request, Authentication authentication) {
        ApiTokens.IssuedToken issued = tokens.create(caller(authentication).username(),
                request.name() == null ? "" : request.name(), request.expiresInDays(),
                access.tokenExpiry(authentication).orElse(null));
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @Operation(summary = "Revoke one of your API tokens")
    @DeleteMapping("/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication authentication) {
        tokens.revoke(caller(authentication).username(), id);
        return ResponseEntity.noContent().build();
    }
}
