package org.samed2d.explorer.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The accounts: adding, listing, changing role or password, disabling. Portal login reads them too. */
@Service
public class UserAccounts implements UserDetailsService {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,62}";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public Account add(String username, String password, Role role) {
        if (!username.matches(USERNAME)) {
            throw new AccountRejectedException("username", "'" + username + "' must be 2-63 characters of a-z, 0-9, "
                    + "'.', '_' or '-', starting with a letter or digit");
        }
        checkPassword(password);
        try {
            long id = jdbc.sql("insert into app_user (username, password_hash, role) values (?, ?, ?) returning id")
                    .params(username, passwords.encode(password), role.parameter()).query(Long.class).single();
            return find(username).filter(account -> account.id() == id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new AccountRejectedException("username", "'" + username + "' is taken");
        }
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountRejectedException("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select id, username, role, enabled, created_at from app_user where username = ?")
                .param(username).query(UserAccounts::account).optional();
    }

    public List<Account> list() {
        return jdbc.sql("select id, username, role, enabled, created_at from app_user order by username")
                .query(UserAccounts::account).list();
    }

    public boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from app_user where role = 'admin' and enabled)")
                .query(Boolean.class).single();
    }

    public Account changeRole(String username, Role role) {
        update(username, "role = ?", role.parameter());
        return find(username).orElseThrow();
    }

    public Account enable(String username, boolean enabled) {
        update(username, "enabled = ?", enabled);
        return find(username).orElseThrow();
    }

    public void changePassword(String username, String password) {
        checkPassword(password);
        update(username, "password_hash = ?", passwords.encode(password));
    }

    private void update(String username, String assignment, Object value) {
        int changed = jdbc.sql("update app_user set " + assignment + " where username = ?").params(value, username).update();
        if (changed == 0) {
            throw new AccountRejectedException("username", "no account '" + username + "'");
        }
    }

    /** Portal login; a disabled account cannot sign in. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        return signInState(username).map(state -> new SignedInAccount(username, state.role(), state.enabled(),
                        state.fingerprint(), state.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /**
     * What a portal session must still match: a digest of the account's role, enabled flag and password hash, so
     * that changing any of them ends the sessions that signed in before; empty when the account is gone.
     */
    Optional<String> fingerprint(String username) {
        return signInState(username).map(SignInState::fingerprint);
    }

    private record SignInState(String passwordHash, Role role, boolean enabled) {
        String fingerprint() {
            return ApiTokens.hash(passwordHash + "\n" + role.parameter() + "\n" + enabled);
        }
    }

    private Optional<SignInState> signInState(String username) {
        return jdbc.sql("select password_hash, role, enabled from app_user where username = ?").param(username)
                .query((rs, n) -> new SignInState(rs.getString(1), role(rs.getString(2)), rs.getBoolean(3))).optional();
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), role(rs.getString("role")),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }

    static Role role(String parameter) {
        return Role.ofParameter(parameter).orElseThrow(() -> new IllegalStateException("unknown role " + parameter));
    }
}
