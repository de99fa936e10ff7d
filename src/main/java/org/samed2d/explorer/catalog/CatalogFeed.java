package org.samed2d.explorer.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's change feed: every insert, geometry update and removal of a mask gets the next number of one
 * sequence, so a reader that remembers the last number it applied can catch up with what came after it.
 */
@Service
@Transactional(readOnly = true)
public class CatalogFeed {

    private final JdbcClient jdbc;

    CatalogFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * This catalog's identity: change numbers only mean something within one catalog, so a reader that applied
     * changes of another one (a database recreated, restored or swapped since) must start again from nothing. A
     * catalog whose identity row was emptied with its tables gets a new one here.
     */
    @Transactional
    public String identity() {
        String select = "select identity::text from catalog_identity where id = 1";
        return jdbc.sql(select).query(String.class).optional().orElseGet(() -> {
            jdbc.sql("insert into catalog_identity (id) values (1) on conflict (id) do nothing").update();
            return jdbc.sql(select).query(String.class).single();
        });
    }

    /** The highest change number in the catalog, 0 when it is empty. */
    public long latestChange() {
        return jdbc.sql("""
                select coalesce(greatest((select max(change_seq) from mask), (select max(change_seq) from mask_removal)), 0)
                """).query(Long.class).single();
    }

    public long maskCount() {
        return jdbc.sql("select count(*) from mask").query(Long.class).single();
    }

    private static final String INDEXED_MASK = """
            select m.id, m.change_seq, m.image_id, d.name as dataset, i.modality, i.base_modality, i.sub_modality,
                   i.case_name, i.axis, i.slice, l.name as label, l.class_id, m.instance, m.area, i.width, i.height
            from mask m
            join image i on i.id = m.image_id
            join label l on l.id = m.label_id
            join dataset d on d.id = i.dataset_id
            """;

    /** Masks whose last change is in {@code (after, upTo]}, in change order, at most {@code limit}. */
    public List<IndexedMask> changedMasks(long after, long upTo, int limit) {
        return jdbc.sql(INDEXED_MASK + " where m.change_seq > ? and m.change_seq <= ? order by m.change_seq limit ?")
                .params(after, upTo, limit)
                .query(CatalogFeed::indexedMask)
                .list();
    }

    /** Every mask of these images as they are now, by mask id (a search engine that keeps one document per image). */
    public List<IndexedMask> masksOfImages(Collection<Long> imageIds) {
        if (imageIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(INDEXED_MASK + " where m.image_id = any(?) order by m.id")
                .params((Object) imageIds.toArray(Long[]::new))
                .query(CatalogFeed::indexedMask)
                .list();
    }

    private static IndexedMask indexedMask(ResultSet rs, int row) throws SQLException {
        return new IndexedMask(rs.getLong("id"), rs.getLong("change_seq"), rs.getLong("image_id"),
                rs.getString("dataset"), rs.getString("modality"), rs.getString("base_modality"),
                rs.getString("sub_modality"), rs.getString("case_name"), rs.getString("axis"),
                rs.getObject("slice", Integer.class), rs.getString("label"), rs.getString("class_id"),
                rs.getInt("instance"), rs.getObject("area", Long.class), rs.getInt("width"), rs.getInt("height"));
    }

    /** Masks removed with a change number in {@code (after, upTo]}, in change order, at most {@code limit}. */
    public List<MaskRemoval> removedMasks(long after, long upTo, int limit) {
        return jdbc.sql("""
                select mask_id, change_seq from mask_removal where change_seq > ? and change_seq <= ?
                order by change_seq limit ?""")
                .params(after, upTo, limit)
                .query((rs, row) -> new MaskRemoval(rs.getLong("mask_id"), rs.getLong("change_seq")))
                .list();
    }
}
