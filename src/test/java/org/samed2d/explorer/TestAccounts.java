package org.samed2d.explorer;

import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;

/** Accounts for tests: one per role, made on first use (the test database outlives a run), and fresh API tokens. */
public final class TestAccounts {

    public static final String PASSWORD = "correct horse battery staple";

    private final UserAccounts accounts;
    private final ApiTokens tokens;

    public TestAccounts(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /**
     * The account {@code test-ROLE}, enabled, with that role and {@link #PASSWORD}. Only what differs is changed: any
     * change ends the account's portal sessions, and a browser test may be signed in as it. Tests that change an
     * account's password make an account of their own.
     */
    public String user(Role role) {
        String name = "test-" + role.parameter();
        accounts.find(name).ifPresentOrElse(account -> {
            if (account.role() != role) {
                accounts.changeRole(name, role);
            }
            if (!account.enabled()) {
                accounts.enable(name, true);
            }
        }, () -> accounts.add(name, PASSWORD, role));
        return name;
    }

    /** A new token of the role's test account, valid long enough to create shorter ones. */
    public String token(Role role) {
        return tokens.create(user(role), "test", 90).token();
    }

    /** The REST API as the role's test account. */
    public LocalApi api(int port, Role role) {
        return new LocalApi(port, token(role));
    }
}
