package org.samed2d.explorer.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-dataset and per-label figures. They aggregate every mask, which takes seconds at release scale, so each answer
 * is kept until the change feed moves on.
 */
@Service
@Transactional(readOnly = true)
public class CatalogSummaries {

    private final JdbcClient jdbc;
    private final CatalogFeed feed;
    private final AtomicReference<Cached<List<DatasetSummary>>> datasets = new AtomicReference<>();
    private final AtomicReference<Cached<List<LabelSummary>>> labels = new AtomicReference<>();
    private final AtomicReference<Cached<List<DatasetLabel>>> datasetLabels = new AtomicReference<>();

    CatalogSummaries(JdbcClient jdbc, CatalogFeed feed) {
        this.jdbc = jdbc;
        this.feed = feed;
    }

    private record Cached<T>(long version, T value) {
    }

    /** Datasets with at least one image, by name. */
    public List<DatasetSummary> datasets() {
        return cached(datasets, this::loadDatasets);
    }

    /** Class names in use, by name. */
    public List<LabelSummary> labels() {
        return cached(labels, this::loadLabels);
    }

    /** Every class of every dataset, in the order the catalog first met them (no mask is counted: cheap). */
    public List<DatasetLabel> datasetLabels() {
        return cached(datasetLabels, () -> jdbc.sql("""
                select l.id, l.name, d.name as dataset from label l join dataset d on d.id = l.dataset_id order by l.id""")
                .query((rs, row) -> new DatasetLabel(rs.getInt("id"), rs.getString("name"), rs.getString("dataset")))
                .list());
    }

    private <T> T cached(AtomicReference<Cached<T>> slot, java.util.function.Supplier<T> load) {
        long version = feed.latestChange();
        Cached<T> current = slot.get();
        if (current != null && current.version() == version) {
            return current.value();
        }
        T value = load.get();
        slot.set(new Cached<>(version, value));
        return value;
    }

    private List<DatasetSummary> loadDatasets() {
        Map<String, Map<String, Long>> modalities = new LinkedHashMap<>();
        jdbc.sql("""
                select d.name, i.base_modality, count(*) as n from image i join dataset d on d.id = i.dataset_id
                group by d.name, i.base_modality order by d.name, n desc""")
                .query(rs -> {
                    modalities.computeIfAbsent(rs.getString("name"), k -> new LinkedHashMap<>())
                            .put(rs.getString("base_modality"), rs.getLong("n"));
                });
        List<DatasetSummary> result = new ArrayList<>();
        jdbc.sql("""
                select d.name, (select count(*) from image i where i.dataset_id = d.id) as images,
                       count(m.id) as masks, count(distinct m.label_id) as labels
                from dataset d left join image i on i.dataset_id = d.id left join mask m on m.image_id = i.id
                group by d.id, d.name order by d.name""")
                .query(rs -> {
                    String name = rs.getString("name");
                    if (rs.getLong("images") > 0) {
                        result.add(new DatasetSummary(name, rs.getLong("images"), rs.getLong("masks"),
                                modalities.getOrDefault(name, Map.of()), rs.getLong("labels")));
                    }
                });
        return List.copyOf(result);
    }

    private List<LabelSummary> loadLabels() {
        return jdbc.sql("""
                select l.name, array_agg(distinct d.name order by d.name) as datasets, sum(c.n) as masks
                from (select label_id, count(*) as n from mask group by label_id) c
                join label l on l.id = c.label_id join dataset d on d.id = l.dataset_id
                group by l.name order by l.name""")
                .query((rs, row) -> new LabelSummary(rs.getString("name"),
                        Arrays.asList((String[]) rs.getArray("datasets").getArray()), rs.getLong("masks")))
                .list();
    }
}
