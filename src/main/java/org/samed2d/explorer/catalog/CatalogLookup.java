package org.samed2d.explorer.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.samed2d.explorer.catalog.FileLocation.ArchiveEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Images, masks and their files by id: what the API shows for a page of search hits or one item. */
@Service
@Transactional(readOnly = true)
public class CatalogLookup {

    private static final String MASK_COLUMNS = """
            select m.id, m.path, m.image_id, i.path as image_path, d.name as dataset, i.modality, i.base_modality,
                   i.sub_modality, i.case_name, i.axis, i.slice, l.name as label, l.class_id, m.instance, i.width,
                   i.height, m.area, m.bbox_x0, m.bbox_y0, m.bbox_x1, m.bbox_y1, m.centroid_x, m.centroid_y,
                   m.coco_counts_chars
            from mask m
            join image i on i.id = m.image_id
            join label l on l.id = m.label_id
            join dataset d on d.id = i.dataset_id
            """;
    private static final String IMAGE_COLUMNS = """
            select i.id, i.path, d.name as dataset, i.modality, i.base_modality, i.sub_modality, i.case_name, i.axis,
                   i.slice, i.width, i.height, i.byte_size
            from image i join dataset d on d.id = i.dataset_id
            """;

    private final JdbcClient jdbc;

    CatalogLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The masks with these ids that still exist, in the order of the ids given. */
    public List<MaskRecord> masks(List<Long> ids) {
        List<MaskRecord> found = jdbc.sql(MASK_COLUMNS + "where m.id = any(?)")
                .param(ids.toArray(Long[]::new)).query((rs, row) -> mask(rs)).list();
        return inOrder(ids, found, MaskRecord::id);
    }

    public Optional<MaskRecord> mask(long id) {
        return jdbc.sql(MASK_COLUMNS + "where m.id = ?").param(id).query((rs, row) -> mask(rs)).optional();
    }

    /** Every mask of an image, by label and instance. */
    public List<MaskRecord> masksOfImage(long imageId) {
        return jdbc.sql(MASK_COLUMNS + "where m.image_id = ? order by l.class_id, m.instance")
                .param(imageId).query((rs, row) -> mask(rs)).list();
    }

    public List<ImageRecord> images(List<Long> ids) {
        List<ImageRecord> found = jdbc.sql(IMAGE_COLUMNS + "where i.id = any(?)")
                .param(ids.toArray(Long[]::new)).query((rs, row) -> image(rs)).list();
        return inOrder(ids, found, ImageRecord::id);
    }

    public Optional<ImageRecord> image(long id) {
        return jdbc.sql(IMAGE_COLUMNS + "where i.id = ?").param(id).query((rs, row) -> image(rs)).optional();
    }

    /**
     * Each dataset's distinct cases (or images) in the whole catalog, whatever a filter matches: what a split judges
     * a dataset's size by, so that no filter moves a case to another part.
     */
    public Map<String, Long> splitUnits(boolean images) {
        Map<String, Long> units = new HashMap<>();
        jdbc.sql("select d.name, " + (images ? "count(*)" : "count(distinct i.case_name)")
                        + " from image i join dataset d on d.id = i.dataset_id group by d.name")
                .query(rs -> {
                    units.put(rs.getString(1), rs.getLong(2));
                });
        return units;
    }

    /** Whether any catalogued file lies in a release folder (rather than in an archive). */
    public boolean anyFolderSource() {
        return jdbc.sql("select exists(select 1 from file_source where kind = 'folder')").query(Boolean.class).single();
    }

    /** The lowest image id, if the catalog has images. */
    public Optional<Long> firstImageId() {
        return jdbc.sql("select min(id) from image").query(Long.class).optional();
    }

    /** The image of the same dataset, case and axis with the next higher (or lower) slice, if any. */
    public Optional<Long> neighbourSlice(long imageId, boolean forward) {
        return jdbc.sql("""
                select n.id from image i join image n on n.dataset_id = i.dataset_id and n.case_name = i.case_name
                    and n.axis = i.axis
                where i.id = ? and %s order by n.slice %s, n.id limit 1"""
                        .formatted(forward ? "n.slice > i.slice" : "n.slice < i.slice", forward ? "asc" : "desc"))
                .param(imageId).query(Long.class).optional();
    }

    public Optional<StoredFile> imageFile(long id) {
        return file("image", id);
    }

    public Optional<StoredFile> maskFile(long id) {
        return file("mask", id);
    }

    /** Where the files of these masks are, by mask id (unknown ids are left out). */
    public Map<Long, StoredFile> maskFiles(List<Long> ids) {
        return files("mask", ids);
    }

    /** Where the files of these images are, by image id (unknown ids are left out). */
    public Map<Long, StoredFile> imageFiles(List<Long> ids) {
        return files("image", ids);
    }

    private Map<Long, StoredFile> files(String table, List<Long> ids) {
        Map<Long, StoredFile> files = new HashMap<>();
        jdbc.sql(FILE_COLUMNS.formatted(table) + "where t.id = any(?)").param(ids.toArray(Long[]::new))
                .query(rs -> {
                    files.put(rs.getLong("id"), storedFile(rs));
                });
        return files;
    }

    private static final String FILE_COLUMNS = """
            select t.id, t.path, t.byte_size, t.entry_offset, t.entry_size, t.entry_method, t.crc,
                   s.id as source_id, s.location, s.kind, s.prefix
            from %s t join file_source s on s.id = t.source_id
            """;

    private Optional<StoredFile> file(String table, long id) {
        // table is one of two constants, never user input
        return jdbc.sql(FILE_COLUMNS.formatted(table) + "where t.id = ?").param(id)
                .query((rs, row) -> storedFile(rs)).optional();
    }

    private static StoredFile storedFile(ResultSet rs) throws SQLException {
        long offset = rs.getLong("entry_offset");
        ArchiveEntry entry = rs.wasNull() ? null
                : new ArchiveEntry(offset, rs.getLong("entry_size"), rs.getInt("entry_method"));
        FileSource source = new FileSource(rs.getInt("source_id"), rs.getString("location"),
                FileSource.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)), rs.getString("prefix"));
        return new StoredFile(source, rs.getString("path"), new FileLocation(rs.getLong("byte_size"),
                rs.getObject("crc", Long.class), entry));
    }

    private static <T> List<T> inOrder(List<Long> ids, List<T> found, java.util.function.ToLongFunction<T> idOf) {
        Map<Long, T> byId = new HashMap<>();
        for (T item : found) {
            byId.put(idOf.applyAsLong(item), item);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static MaskRecord mask(ResultSet rs) throws SQLException {
        Long area = rs.getObject("area", Long.class);
        MaskRecord.Geometry geometry = area == null ? null : new MaskRecord.Geometry(area, rs.getInt("bbox_x0"),
                rs.getInt("bbox_y0"), rs.getInt("bbox_x1"), rs.getInt("bbox_y1"), rs.getDouble("centroid_x"),
                rs.getDouble("centroid_y"), rs.getObject("coco_counts_chars", Integer.class));
        return new MaskRecord(rs.getLong("id"), rs.getString("path"), rs.getLong("image_id"),
                rs.getString("image_path"), rs.getString("dataset"), rs.getString("modality"),
                rs.getString("base_modality"), rs.getString("sub_modality"), rs.getString("case_name"),
                rs.getString("axis"), rs.getObject("slice", Integer.class), rs.getString("label"),
                rs.getString("class_id"), rs.getInt("instance"), rs.getInt("width"), rs.getInt("height"), geometry);
    }

    private static ImageRecord image(ResultSet rs) throws SQLException {
        return new ImageRecord(rs.getLong("id"), rs.getString("path"), rs.getString("dataset"),
                rs.getString("modality"), rs.getString("base_modality"), rs.getString("sub_modality"),
                rs.getString("case_name"), rs.getString("axis"), rs.getObject("slice", Integer.class),
                rs.getInt("width"), rs.getInt("height"), rs.getLong("byte_size"));
    }
}
