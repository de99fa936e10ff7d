package org.samed2d.explorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins ingest a release on the server through the API, only from inside the configured ingest roots. */
@ExplorerTest
class AdminIngestTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Test
    void an_admin_ingests_a_release_inside_the_roots_and_nothing_outside_them() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        TestAccounts testAccounts = new TestAccounts(accounts, tokens);
        LocalApi admin = testAccounts.api(port, Role.ADMIN);
        String body = "{\"path\": \"" + SampleData.mini() + "\"}";

        assertThat(testAccounts.api(port, Role.RESEARCHER).post("/api/v1/admin/ingests", body).statusCode()).isEqualTo(403);
        for (String outside : new String[] {"/etc", SampleData.mini() + "/../../..", "/no/such/folder"}) {
            HttpResponse<String> refused = admin.post("/api/v1/admin/ingests", "{\"path\": \"" + outside + "\"}");
            assertThat(refused.statusCode()).as(outside).isEqualTo(400);
            assertThat(LocalApi.json(refused.body()).get("parameter").asString()).isEqualTo("path");
        }

        HttpResponse<String> started = admin.post("/api/v1/admin/ingests", body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        // the catalog was emptied above, so these figures can only come from this ingest
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> {
            var stats = LocalApi.json(admin.get("/api/v1/stats").body());
            return stats.get("images").asLong() == 4 && stats.get("masks").asLong() == 30
                    && stats.get("geometryPending").asLong() == 0;
        });
        assertThat(LocalApi.json(admin.get("/api/v1/admin/ingests").body()).path("progress").path("phase").asString())
                .isIn("idle", "geometry");
    }
}
