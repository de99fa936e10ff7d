package org.samed2d.explorer.security;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.Requester;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** Who the current request is, and what that allows, for the adapters (the filter chains enforce the same rules). */
@Service
public class PortalAccess {

    private final UserAccounts accounts;
    private final SecurityProperties properties;

    PortalAccess(UserAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    /** Whether anonymous visitors may browse. */
    public boolean publicMode() {
        return properties.publicMode();
    }

    /** The signed-in account behind an authentication (token or portal session), if any. */
    public Optional<Account> account(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof Account account) {
            return Optional.of(account);
        }
        return accounts.find(authentication.getName()).filter(Account::enabled);
    }

    /** When the token that authenticated the request expires; empty for a portal session or no token. */
    public Optional<java.time.Instant> tokenExpiry(@Nullable Authentication authentication) {
        return authentication != null && authentication.getDetails() instanceof ApiTokens.ValidToken token
                ? Optional.of(token.expires()) : Optional.empty();
    }

    /** The signed-in account as the owner of jobs and results; empty when anonymous. */
    public Optional<Requester> requester(@Nullable Authentication authentication) {
        return account(authentication).map(account -> new Requester(account.username(), account.role() == Role.ADMIN));
    }

    public boolean may(@Nullable Authentication authentication, Role role) {
        return account(authentication).map(account -> account.role().includes(role)).orElse(false);
    }
}
