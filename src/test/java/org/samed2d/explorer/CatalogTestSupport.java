package org.samed2d.explorer;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test access to the catalog tables: emptying them, and exact counts by SQL independent of the services. */
public final class CatalogTestSupport {

    private final JdbcClient jdbc;

    public CatalogTestSupport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empties the catalog, its identity included: as far as an index can tell, what is ingested next is another
     * catalog. Background readers of an earlier test (the search follower, an export being prepared) may hold the
     * same tables in the other order; PostgreSQL then aborts one side as a deadlock, and emptying tries again.
     */
    public void empty() {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql("truncate mask_removal, mask, image, label, dataset, file_source, catalog_identity restart identity cascade")
                        .update();
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
