package org.samed2d.explorer.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.shared.QuotaExceededException;

/** Export and evaluation quotas as the services ask them: what counts, what is reserved, what admins skip. */
class QuotasTest {

    private final Quotas quotas = new Quotas(new QuotaProperties(60, 2, 1000, 1, 100),
            Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    private final Account researcher = new Account(1, "r", Role.RESEARCHER, true, Instant.EPOCH);
    private final Account admin = new Account(2, "a", Role.ADMIN, true, Instant.EPOCH);

    private static void refusedAs(String quota, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(QuotaExceededException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((QuotaExceededException) e).quota())
                        .isEqualTo(quota));
    }

    @Test
    void an_export_counts_its_own_size_and_the_days_earlier_ones() {
        assertThatCode(() -> quotas.export(researcher, 0, 600, 0, 400)).doesNotThrowAnyException();
        refusedAs("export-bytes-per-day", () -> quotas.export(researcher, 0, 600, 0, 401));
        refusedAs("export-bytes-per-day", () -> quotas.export(researcher, 0, 0, 0, 1001));
        refusedAs("export-bytes-per-day", () -> quotas.export(researcher, 0, 1000, 0, 0));
        refusedAs("concurrent-exports", () -> quotas.export(researcher, 2, 0, 0, 1));
    }

    @Test
    void an_export_not_yet_sized_holds_the_rest_of_the_day_so_parallel_starts_cannot_slip_through() {
        refusedAs("export-bytes-per-day", () -> quotas.export(researcher, 1, 0, 1, 0));
        assertThatCode(() -> quotas.export(admin, 5, 1 << 30, 3, 1 << 30)).doesNotThrowAnyException();
    }

    @Test
    void evaluations_run_one_at_a_time_per_user_and_are_charged_their_prompts() {
        refusedAs("concurrent-evaluations", () -> quotas.evaluation(researcher, 1, 1));
        assertThatCode(() -> quotas.evaluation(researcher, 0, 60)).doesNotThrowAnyException();
        refusedAs("evaluation-prompts-per-day", () -> quotas.evaluation(researcher, 0, 41));
        assertThatCode(() -> quotas.evaluation(researcher, 0, 40)).doesNotThrowAnyException();
        refusedAs("evaluation-prompts-per-day", () -> quotas.evaluation(researcher, 0, 1));
        assertThatCode(() -> quotas.evaluation(admin, 3, 1_000_000)).doesNotThrowAnyException();
    }
}
