package org.samed2d.explorer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: shown once when created, stored only as their SHA-256, each with an expiry, revocable.
 * Every request looks its token up again (one indexed query), so revoking a token, disabling its account or
 * reaching its expiry takes effect on the next request, on every instance.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "sme_";
    /** How stale a token's "last used" time may be: updating it on every request would make every call a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    static final int DEFAULT_DAYS = 90;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;

    ApiTokens(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A token as its owner sees it in the list; the token itself is never shown again. */
    public record TokenInfo(long id, String name, String prefix, Instant created, Instant expires,
                            @Nullable Instant revoked, @Nullable Instant lastUsed) {
        public boolean active(Instant now) {
            return revoked == null && expires.isAfter(now);
        }
    }

    /** A new token with the one and only copy of its secret. */
    public record IssuedToken(long id, String name, String token, Instant expires) {
    }

    /** A presented token that is valid now: its account as it is now, and when the token expires. */
    public record ValidToken(Account account, long id, Instant expires) {
    }

    /** A new token for the account, valid for {@code validDays}. */
    public IssuedToken create(String username, String name, int validDays) {
        return create(username, name, validDays, (Instant) null);
    }

    /**
     * A new token that, when {@code notAfter} is given (the expiry of the token that asks for it), expires no later:
     * a token cannot mint tokens that outlive it. Without {@code validDays} it is valid for
     * {@value #DEFAULT_DAYS} days, or as many whole days as {@code notAfter} leaves.
     */
    public IssuedToken create(String username, String name, @Nullable Integer validDays, @Nullable Instant notAfter) {
        if (validDays == null) {
            long left = notAfter == null ? DEFAULT_DAYS : Duration.between(clock.instant(), notAfter).toDays();
            return create(username, name, (int) Math.max(1, Math.min(DEFAULT_DAYS, left)), notAfter);
        }
        org.samed2d.explorer.shared.StorableText.check("name", name);
        if (name.isBlank() || name.length() > 100) {
            throw new AccountRejectedException("name", "give the token a name of 1-100 characters");
        }
        if (validDays < 1 || validDays > properties.tokenMaxDays()) {
            throw new AccountRejectedException("expiresInDays", "must be between 1 and " + properties.tokenMaxDays());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = clock.instant().plus(Duration.ofDays(validDays));
        if (notAfter != null && expires.isAfter(notAfter)) {
            long left = Duration.between(clock.instant(), notAfter).toDays();
            throw new AccountRejectedException("expiresInDays", "a token may not create a token that outlives it; the "
                    + "token you sent expires at " + notAfter + (left >= 1 ? ", so ask for at most " + left + " days"
                    : ", in less than a day; create new tokens from the account page or with 'user token'"));
        }
        long id = jdbc.sql("""
                        insert into api_token (user_id, name, token_hash, prefix, expires_at, created_at)
                        select id, ?, ?, ?, ?, ? from app_user where username = ? returning id""")
                .params(name.strip(), hash(token), token.substring(0, 8), Timestamp.from(expires),
                        Timestamp.from(clock.instant()), username)
                .query(Long.class).optional()
                .orElseThrow(() -> new AccountRejectedException("username", "no account '" + username + "'"));
        return new IssuedToken(id, name.strip(), token, expires);
    }

    public List<TokenInfo> list(String username) {
        return jdbc.sql("""
                        select t.id, t.name, t.prefix, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
                        from api_token t join app_user u on u.id = t.user_id where u.username = ? order by t.created_at desc""")
                .param(username)
                .query((rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)), optionalInstant(rs.getTimestamp(6)), optionalInstant(rs.getTimestamp(7))))
                .list();
    }

    /** Revokes one of the user's own tokens. */
    public void revoke(String username, long id) {
        int changed = jdbc.sql("""
                        update api_token set revoked_at = coalesce(revoked_at, ?)
                        where id = ? and user_id = (select id from app_user where username = ?)""")
                .params(Timestamp.from(clock.instant()), id, username).update();
        if (changed == 0) {
            throw new AccountRejectedException("id", "no token " + id + " of yours");
        }
    }

    /** The presented token, if it exists, is neither expired nor revoked and its account is enabled, as of now. */
    public Optional<ValidToken> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        record Row(ValidToken token, @Nullable Instant lastUsed) {
        }
        Instant now = clock.instant();
        Optional<Row> found = jdbc.sql("""
                        select u.id, u.username, u.role, u.enabled, u.created_at, t.id as token_id, t.expires_at,
                               t.last_used_at
                        from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled""")
                .params(hash(token), Timestamp.from(now))
                .query((rs, n) -> new Row(new ValidToken(UserAccounts.account(rs, n), rs.getLong("token_id"),
                        instant(rs.getTimestamp("expires_at"))), optionalInstant(rs.getTimestamp("last_used_at"))))
                .optional();
        found.filter(row -> row.lastUsed() == null || row.lastUsed().plus(LAST_USED_PRECISION).isBefore(now))
                .ifPresent(row -> jdbc.sql("update api_token set last_used_at = ? where id = ?")
                        .params(Timestamp.from(now), row.token().id()).update());
        return found.map(Row::token);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static @Nullable Instant optionalInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
