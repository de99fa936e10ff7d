package org.samed2d.explorer.shared;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The state of a long job at one moment.
 *
 * @param phase what the job is doing now (for example {@code names} or {@code geometry}); {@code idle} when nothing runs
 * @param done items finished in this phase
 * @param total items this phase will handle, or {@code -1} while unknown
 * @param fraction 0..1 of the phase, known even when the item total is not (for example from bytes read)
 * @param ratePerSecond items per second since the phase started
 * @param eta time left, or {@code null} while unknown
 */
public record Progress(String phase, long done, long total, double fraction, double ratePerSecond,
                       @Nullable Duration eta) {

    public static final Progress IDLE = new Progress("idle", 0, 0, 0, 0, null);

    public boolean running() {
        return !phase.equals(IDLE.phase());
    }

    /** One line for a terminal: {@code names 12,000 masks 45% 51,234/s ETA 0:01:10}. */
    public String line(String unit) {
        String of = total >= 0 ? "/%,d".formatted(total) : "";
        String etaText = eta == null ? "?" : "%d:%02d:%02d".formatted(eta.toHours(), eta.toMinutesPart(), eta.toSecondsPart());
        return "%s %,d%s %s %3.0f%% %,.0f/s ETA %s".formatted(phase, done, of, unit, fraction * 100, ratePerSecond, etaText);
    }
}
