package org.samed2d.explorer.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.SortOptions;
import org.samed2d.explorer.search.MaskSort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The masks mapping gives every field a page sorts on both doc values (to sort) and an index (points or terms).
 * Without the index OpenSearch still sorts, and answers the same, but cannot skip the documents that cannot enter
 * the page: mapping v4 dropped it for the id and the release order, and first pages read every match (cold p50 at
 * 19.7M masks 11.2 to 25.6 ms) with no test noticing.
 */
class OpenSearchMappingTest {

    @Test
    void every_field_a_page_sorts_on_has_an_index_and_doc_values() throws IOException {
        JsonNode fields = masksMapping().get("properties");
        Set<String> sorted = new TreeSet<>();
        for (MaskSort sort : MaskSort.values()) {
            for (SortOptions option : OpenSearchPages.sorts(sort)) {
                sorted.add(option.field().field());
            }
        }
        assertThat(sorted).contains(OpenSearchDocuments.ID, OpenSearchDocuments.ORDER, OpenSearchDocuments.AREA);
        for (String name : sorted) {
            JsonNode field = fields.get(name);
            assertThat(field).as("mapping of %s", name).isNotNull();
            assertThat(field.path("index").asBoolean(true)).as("%s has an index", name).isTrue();
            assertThat(field.path("doc_values").asBoolean(true)).as("%s has doc values", name).isTrue();
        }
    }

    private static JsonNode masksMapping() throws IOException {
        String resource = "/search/opensearch/masks-v" + OpenSearchIndices.MAPPING_VERSION + ".json";
        try (InputStream in = OpenSearchMappingTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JsonMapper.builder().build().readTree(in);
        }
    }
}
