package org.samed2d.explorer.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * A valid token is remembered for a few seconds so that busy scripts do not cost a database query per request;
 * revoking one on this instance takes effect at once, on other instances within that time.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "sme_";
    private static final Duration REMEMBERED = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecurityProperties properties;
    private final Cache<String, Optional<Account>> recent = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(REMEMBERED).build();

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

    public IssuedToken create(String username, String name, int validDays) {
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
        recent.invalidateAll();
    }

    /** The account a presented token belongs to, if the token exists, is neither expired nor revoked and the account is enabled. */
    public Optional<Account> authenticate(String token) {
        if (!token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(token);
        return recent.get(hash, key -> lookUp(key));
    }

    private Optional<Account> lookUp(String hash) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Account> account = jdbc.sql("""
                        select u.id, u.username, u.role, u.enabled, u.created_at from api_token t join app_user u on u.id = t.user_id
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled""")
                .params(hash, now).query(UserAccounts::account).optional();
        account.ifPresent(found -> jdbc.sql("update api_token set last_used_at = ? where token_hash = ?")
                .params(now, hash).update());
        return account;
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
