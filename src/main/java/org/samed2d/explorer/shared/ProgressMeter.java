package org.samed2d.explorer.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Tracks one phase of a running job and turns it into {@link Progress} snapshots (rate and ETA included). */
public final class ProgressMeter {

    private final Clock clock;
    private volatile String phase = Progress.IDLE.phase();
    private volatile Instant started;
    private volatile long done;
    private volatile long total = -1;
    private volatile double fraction;

    public ProgressMeter(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    public void start(String newPhase, long newTotal) {
        started = clock.instant();
        done = 0;
        fraction = 0;
        total = newTotal;
        phase = newPhase;
    }

    /** Items done so far and the fraction of the phase they make (from items, or from bytes when items are unknown). */
    public void update(long newDone, double newFraction) {
        done = newDone;
        fraction = Math.max(0, Math.min(1, newFraction));
    }

    public void idle() {
        phase = Progress.IDLE.phase();
    }

    public Progress snapshot() {
        if (phase.equals(Progress.IDLE.phase())) {
            return Progress.IDLE;
        }
        double seconds = Math.max(1e-3, Duration.between(started, clock.instant()).toMillis() / 1000.0);
        Duration eta = fraction > 0.001
                ? Duration.ofMillis((long) (seconds * 1000 * (1 - fraction) / fraction))
                : null;
        return new Progress(phase, done, total, fraction, done / seconds, eta);
    }
}
