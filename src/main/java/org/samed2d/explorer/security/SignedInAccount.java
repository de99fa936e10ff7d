package org.samed2d.explorer.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The account a portal session signed in as, with the fingerprint of its state at sign-in (role, enabled, password
 * hash). Every later request of the session compares it with the account as it is now ({@link SessionAccountFilter}),
 * so a demoted, disabled or re-passworded account's sessions end at their next request.
 */
final class SignedInAccount implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final Role role;
    private final boolean enabled;
    private final String fingerprint;
    /** The password hash, for the sign-in check only; erased once it has been made. */
    private @Nullable String passwordHash;

    SignedInAccount(String username, Role role, boolean enabled, String fingerprint, String passwordHash) {
        this.username = username;
        this.role = role;
        this.enabled = enabled;
        this.fingerprint = fingerprint;
        this.passwordHash = passwordHash;
    }

    String fingerprint() {
        return fingerprint;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    // Spring Security's session registry and "same principal" checks compare principals by name
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInAccount account && account.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
