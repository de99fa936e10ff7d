package org.samed2d.explorer.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import org.samed2d.explorer.shared.QuotaExceededException;
import org.springframework.stereotype.Service;

/**
 * Per-user quotas. Segmentation is a sliding 60-second window kept in memory (per instance); export limits are
 * checked against the user's own export records, which the caller counts.
 */
@Service
public class Quotas {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final QuotaProperties limits;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> recentSegmentations = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2)).build();

    Quotas(QuotaProperties limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Counts one segmentation request, or refuses it when the user has made their quota's worth in the last minute. */
    public void segmentation(Account account) {
        int limit = limits.segmentationsPerMinute();
        if (account.role() == Role.ADMIN || limit < 0) {
            return;
        }
        Instant now = clock.instant();
        Deque<Instant> recent = recentSegmentations.get(account.username(), name -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.removeFirst();
            }
            if (recent.size() >= limit) {
                Duration wait = limit == 0 ? WINDOW : Duration.between(now, recent.peekFirst().plus(WINDOW));
                throw new QuotaExceededException("segmentations-per-minute", "you have made " + recent.size()
                        + " segmentation requests in the last minute; your quota is " + limit, wait);
            }
            recent.addLast(now);
        }
    }

    /**
     * Refuses a new export when the user already has their quota's worth being prepared, or has exported their daily
     * bytes.
     *
     * @param active the user's exports queued or running
     * @param bytesToday the sizes of the user's exports started since midnight UTC
     */
    public void export(Account account, long active, long bytesToday) {
        if (account.role() == Role.ADMIN) {
            return;
        }
        if (limits.concurrentExports() >= 0 && active >= limits.concurrentExports()) {
            throw new QuotaExceededException("concurrent-exports", "you have " + active + " exports being prepared; "
                    + "your quota is " + limits.concurrentExports() + " at once", Duration.ofSeconds(30));
        }
        if (limits.exportBytesPerDay() >= 0 && bytesToday >= limits.exportBytesPerDay()) {
            Instant midnight = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            throw new QuotaExceededException("export-bytes-per-day", "your exports today hold " + bytesToday
                    + " bytes; your quota is " + limits.exportBytesPerDay() + " bytes a day (UTC)",
                    Duration.between(clock.instant(), midnight));
        }
    }
}
