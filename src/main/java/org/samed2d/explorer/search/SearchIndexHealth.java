package org.samed2d.explorer.search;

import org.samed2d.explorer.shared.Progress;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The search index in the readiness probe: until the start-up check has caught it up with the catalog (or rebuilt
 * it), and while it is being built from empty, it cannot answer correctly, so an orchestrator should send traffic
 * elsewhere; catching up with a few changes later does not count.
 */
@Component("searchIndex")
class SearchIndexHealth implements HealthIndicator {

    private final SearchService search;

    SearchIndexHealth(SearchService search) {
        this.search = search;
    }

    @Override
    public Health health() {
        Progress status = search.status();
        boolean building = !search.ready() || status.running() && status.phase().equals("index");
        Health.Builder health = building ? Health.outOfService() : Health.up();
        return health.withDetail("checked", search.ready()).withDetail("phase", status.phase())
                .withDetail("done", status.done()).withDetail("fraction", status.fraction()).build();
    }
}
