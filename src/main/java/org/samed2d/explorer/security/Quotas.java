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
 * Per-user quotas. Segmentation is a sliding 60-second window and evaluation prompts a daily count, both kept in
 * memory (per instance, like the evaluations themselves); export limits are checked against the user's own export
 * records, which the caller counts.
 */
@Service
public class Quotas {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final QuotaProperties limits;
    private final Clock clock;
    private final Cache<String, Deque<Instant>> recentSegmentations = Caffeine.newBuilder()
            .expireAfterAccess(WINDOW.multipliedBy(2)).build();
    /** Evaluation prompts charged per user on one UTC day. */
    private final Cache<String, DailyCount> evaluationPrompts = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofDays(2)).build();

    private record DailyCount(LocalDate day, long count) {
    }

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
     * Refuses a new evaluation when the user already has their quota's worth running, or when its prompts would
     * take them past their daily prompt budget; otherwise charges the prompts to today's budget.
     *
     * @param active the user's evaluations running
     * @param prompts the prompts the new run will make (masks times prompt kinds)
     */
    public void evaluation(Account account, long active, long prompts) {
        if (account.role() == Role.ADMIN) {
            return;
        }
        if (limits.concurrentEvaluations() >= 0 && active >= limits.concurrentEvaluations()) {
            throw new QuotaExceededException("concurrent-evaluations", "you have " + active + " evaluations running; "
                    + "your quota is " + limits.concurrentEvaluations() + " at once", Duration.ofSeconds(60));
        }
        long budget = limits.evaluationPromptsPerDay();
        if (budget < 0) {
            return;
        }
        LocalDate today = today();
        synchronized (evaluationPrompts) {
            DailyCount charged = evaluationPrompts.asMap().getOrDefault(account.username(), new DailyCount(today, 0));
            long used = charged.day().equals(today) ? charged.count() : 0;
            if (used + prompts > budget) {
                throw new QuotaExceededException("evaluation-prompts-per-day", "this evaluation makes " + prompts
                        + " prompts and your evaluations today made " + used + "; your quota is " + budget
                        + " prompts a day (UTC)" + (prompts > budget ? ": ask for fewer masks or prompt kinds" : ""),
                        untilMidnight());
            }
            evaluationPrompts.put(account.username(), new DailyCount(today, used + prompts));
        }
    }

    /**
     * Refuses a new export when the user already has their quota's worth being prepared, or when its size would take
     * their exports today past their daily bytes.
     *
     * @param active the user's exports queued or running
     * @param bytesToday the sizes of the user's other exports started since midnight UTC
     * @param unsized how many of those are still being sized; each holds the rest of the day's bytes until then
     * @param requested this export's size, known before any file is read (0 while not yet known)
     */
    public void export(Account account, long active, long bytesToday, long unsized, long requested) {
        if (account.role() == Role.ADMIN) {
            return;
        }
        if (limits.concurrentExports() >= 0 && active >= limits.concurrentExports()) {
            throw new QuotaExceededException("concurrent-exports", "you have " + active + " exports being prepared; "
                    + "your quota is " + limits.concurrentExports() + " at once", Duration.ofSeconds(30));
        }
        long budget = limits.exportBytesPerDay();
        if (budget >= 0 && unsized > 0) {
            throw new QuotaExceededException("export-bytes-per-day", "your export being sized holds the rest of "
                    + "today's quota until its size is known; start this one once it is", Duration.ofSeconds(20));
        }
        if (budget >= 0 && (bytesToday + requested > budget || bytesToday >= budget)) {
            throw new QuotaExceededException("export-bytes-per-day", "this export holds " + requested + " bytes and "
                    + "your exports today hold " + bytesToday + "; your quota is " + budget + " bytes a day (UTC)"
                    + (requested > budget ? ": narrow the filter" : ""), untilMidnight());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private Duration untilMidnight() {
        Instant midnight = today().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return Duration.between(clock.instant(), midnight);
    }
}
