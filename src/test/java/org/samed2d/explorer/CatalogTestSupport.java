package org.samed2d.explorer;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test access to the catalog tables: emptying them, and exact counts by SQL independent of the services. */
public final class CatalogTestSupport {

    private final JdbcClient jdbc;

    public CatalogTestSupport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void empty() {
        jdbc.sql("truncate mask_removal, mask, image, label, dataset, file_source restart identity cascade").update();
    }

    public long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
