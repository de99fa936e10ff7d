package org.samed2d.explorer.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogBatch.ImageRow;
import org.samed2d.explorer.catalog.CatalogBatch.LabelRow;
import org.samed2d.explorer.catalog.CatalogBatch.MaskRow;
import org.samed2d.explorer.catalog.FileLocation.ArchiveEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's write port for ingest. Batches go in with COPY into temporary tables and one
 * {@code INSERT ... ON CONFLICT DO NOTHING} per table, so a batch is all-or-nothing and repeating it adds nothing.
 */
@Service
public class CatalogImport {

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    CatalogImport(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Records where a release lives and returns it with its id; the same location twice gives the same id. */
    @Transactional
    public FileSource registerSource(String location, FileSource.Kind kind, String prefix) {
        jdbc.sql("insert into file_source (location, kind, prefix) values (?, ?, ?) on conflict do nothing")
                .params(location, kind.name().toLowerCase(java.util.Locale.ROOT), prefix).update();
        int id = jdbc.sql("select id from file_source where location = ? and prefix = ?")
                .params(location, prefix).query(Integer.class).single();
        return new FileSource(id, location, kind, prefix);
    }

    /** Adds a batch in one transaction and returns how many images and masks were new. */
    @Transactional
    public ImportedCounts importBatch(CatalogBatch batch) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        // Not waiting for the WAL flush at commit is safe here: a crash loses at most the last moments of batches,
        // never a half batch, and running the ingest again adds exactly what is missing. Worth ~8% of the names phase.
        jdbc.sql("set local synchronous_commit = off").update();
        try {
            createStagingTables();
            stageLabels(batch.labels()).copyInto(connection, "stage_label");
            stageImages(batch.sourceId(), batch.images()).copyInto(connection, "stage_image");
            stageMasks(batch.sourceId(), batch.masks()).copyInto(connection, "stage_mask");
        } catch (SQLException e) {
            throw new CatalogWriteException("could not stage a batch of " + batch.images().size() + " images", e);
        }
        jdbc.sql("""
                insert into dataset (name)
                select dataset from stage_label union select dataset from stage_image
                on conflict (name) do nothing""").update();
        jdbc.sql("""
                insert into label (dataset_id, class_id, name)
                select d.id, s.class_id, s.name from stage_label s join dataset d on d.name = s.dataset
                on conflict (dataset_id, class_id) do nothing""").update();
        // New images hand their ids straight to the masks; joining the whole image table instead made PostgreSQL hash
        // millions of rows for every batch once the catalog was large.
        long images = jdbc.sql("""
                with added as (
                    insert into image (path, source_id, entry_offset, entry_size, entry_method, crc, byte_size,
                                       modality, base_modality, sub_modality, dataset_id, case_name, axis, slice,
                                       width, height)
                    select s.path, s.source_id, s.entry_offset, s.entry_size, s.entry_method, s.crc, s.byte_size,
                           s.modality,
                           s.base_modality, s.sub_modality, d.id, s.case_name, s.axis, s.slice, s.width, s.height
                    from stage_image s join dataset d on d.name = s.dataset
                    on conflict (path) do nothing
                    returning path, id, dataset_id)
                insert into stage_image_id select path, id, dataset_id from added""").update();
        if (images < batch.images().size()) {
            // Some images were already there (a repeated or resumed run): look them up through the path index.
            jdbc.sql("analyze stage_image").update();
            jdbc.sql("""
                    insert into stage_image_id
                    select i.path, i.id, i.dataset_id from stage_image s join image i on i.path = s.path
                    on conflict (path) do nothing""").update();
        }
        long masks = jdbc.sql("""
                insert into mask (image_id, label_id, instance, path, source_id, entry_offset, entry_size,
                                  entry_method, crc, byte_size)
                select i.id, l.id, s.instance, s.path, s.source_id, s.entry_offset, s.entry_size, s.entry_method,
                       s.crc, s.byte_size
                from stage_mask s
                join stage_image_id i on i.path = s.image_path
                join label l on l.dataset_id = i.dataset_id and l.class_id = s.class_id
                order by i.id, l.id, s.instance
                on conflict (image_id, label_id, instance) do nothing""").update();
        return new ImportedCounts(images, masks);
    }

    /** Up to {@code limit} masks without geometry, with ids above {@code afterId}, in id order. */
    @Transactional(readOnly = true)
    public List<PendingMask> pendingGeometry(long afterId, int limit) {
        return jdbc.sql("""
                select m.id, m.path, m.source_id, m.byte_size, m.entry_offset, m.entry_size, m.entry_method,
                       m.crc, i.width, i.height
                from mask m join image i on i.id = m.image_id
                where m.area is null and m.id > ? order by m.id limit ?""")
                .params(afterId, limit)
                .query((rs, row) -> {
                    long offset = rs.getLong("entry_offset");
                    ArchiveEntry entry = rs.wasNull() ? null
                            : new ArchiveEntry(offset, rs.getLong("entry_size"), rs.getInt("entry_method"));
                    return new PendingMask(rs.getLong("id"), rs.getString("path"), rs.getInt("source_id"),
                            new FileLocation(rs.getLong("byte_size"), rs.getObject("crc", Long.class), entry),
                            rs.getInt("width"), rs.getInt("height"));
                })
                .list();
    }

    /**
     * Stores decoded geometry and removes masks that failed decoding, in one transaction; both show in the change
     * feed ({@link CatalogFeed}).
     */
    @Transactional
    public void completeGeometry(List<MaskGeometry> geometries, List<Long> rejectedMaskIds) {
        if (!geometries.isEmpty()) {
            CopyRows rows = new CopyRows();
            for (MaskGeometry g : geometries) {
                rows.add(g.maskId()).add(g.area()).add(g.x0()).add(g.y0()).add(g.x1()).add(g.y1())
                        .add(g.centroidX()).add(g.centroidY()).add(g.cocoCountsChars()).add(g.crc()).endRow();
            }
            try {
                jdbc.sql("""
                        create temp table if not exists stage_geometry (id bigint, area bigint, x0 int, y0 int,
                            x1 int, y1 int, cx double precision, cy double precision, coco int, crc bigint)
                            on commit delete rows""").update();
                rows.copyInto(DataSourceUtils.getConnection(dataSource), "stage_geometry");
            } catch (SQLException e) {
                throw new CatalogWriteException("could not stage geometry of " + geometries.size() + " masks", e);
            }
            jdbc.sql("""
                    update mask m set area = s.area, bbox_x0 = s.x0, bbox_y0 = s.y0, bbox_x1 = s.x1, bbox_y1 = s.y1,
                                      centroid_x = s.cx, centroid_y = s.cy, coco_counts_chars = s.coco,
                                      crc = coalesce(m.crc, s.crc),
                                      change_seq = nextval('catalog_change_seq')
                    from stage_geometry s where m.id = s.id""").update();
        }
        if (!rejectedMaskIds.isEmpty()) {
            Long[] ids = rejectedMaskIds.toArray(Long[]::new);
            jdbc.sql("delete from mask where id = any(?)").param(ids).update();
            jdbc.sql("insert into mask_removal (mask_id) select unnest(?::bigint[]) on conflict do nothing")
                    .param(ids).update();
        }
    }

    private void createStagingTables() {
        jdbc.sql("""
                create temp table if not exists stage_label (dataset text, class_id text, name text)
                on commit delete rows""").update();
        jdbc.sql("""
                create temp table if not exists stage_image (path text, source_id int, entry_offset bigint,
                    entry_size bigint, entry_method smallint, crc bigint, byte_size bigint, modality text,
                    base_modality text,
                    sub_modality text, dataset text, case_name text, axis text, slice int, width int, height int)
                on commit delete rows""").update();
        jdbc.sql("""
                create temp table if not exists stage_mask (path text, image_path text, class_id text, instance int,
                    source_id int, entry_offset bigint, entry_size bigint, entry_method smallint, crc bigint,
                    byte_size bigint)
                on commit delete rows""").update();
        jdbc.sql("""
                create temp table if not exists stage_image_id (path text primary key, id bigint, dataset_id int)
                on commit delete rows""").update();
    }

    private static CopyRows stageLabels(List<LabelRow> labels) {
        CopyRows rows = new CopyRows();
        for (LabelRow label : labels) {
            rows.add(label.dataset()).add(label.classId()).add(label.name()).endRow();
        }
        return rows;
    }

    private static CopyRows stageImages(int sourceId, List<ImageRow> images) {
        CopyRows rows = new CopyRows();
        for (ImageRow image : images) {
            var name = image.name();
            rows.add(image.path()).add(sourceId);
            addLocation(rows, image.location());
            rows.add(name.modality().name()).add(name.modality().base()).add(name.modality().sub())
                    .add(name.dataset()).add(name.caseName()).add(name.axis().token()).add(name.slice())
                    .add(image.width()).add(image.height()).endRow();
        }
        return rows;
    }

    private static CopyRows stageMasks(int sourceId, List<MaskRow> masks) {
        CopyRows rows = new CopyRows();
        for (MaskRow mask : masks) {
            rows.add(mask.path()).add(mask.imagePath()).add(mask.name().classId()).add(mask.name().instance())
                    .add(sourceId);
            addLocation(rows, mask.location());
            rows.endRow();
        }
        return rows;
    }

    private static void addLocation(CopyRows rows, FileLocation location) {
        @Nullable ArchiveEntry entry = location.entry();
        rows.add(entry == null ? null : entry.offset())
                .add(entry == null ? null : entry.storedSize())
                .add(entry == null ? null : entry.method())
                .add(location.crc())
                .add(location.byteSize());
    }
}
