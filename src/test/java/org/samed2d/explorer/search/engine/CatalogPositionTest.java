package org.samed2d.explorer.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An index catches up only with the catalog it was written from; change numbers of another one mean nothing to it. */
class CatalogPositionTest {

    @Test
    void an_index_follows_the_catalog_it_recorded() {
        assertThat(new CatalogPosition("catalog-a", 1_000).follows("catalog-a")).isTrue();
    }

    @Test
    void an_index_of_another_catalog_does_not_follow_this_one_whatever_its_change_number() {
        assertThat(new CatalogPosition("catalog-a", 1_000).follows("catalog-b")).isFalse();
        assertThat(new CatalogPosition("catalog-a", 0).follows("catalog-b")).isFalse();
    }

    @Test
    void a_new_index_follows_any_catalog_but_one_that_recorded_changes_and_no_catalog_does_not() {
        assertThat(CatalogPosition.NONE.follows("catalog-a")).isTrue();
        // written by a version that recorded only the change number: whose changes they were is unknown
        assertThat(new CatalogPosition(null, 1_000).follows("catalog-a")).isFalse();
    }
}
