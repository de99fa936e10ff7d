package org.samed2d.explorer.catalog;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRC-32 of archive entries catalogued before the catalog kept it (migration V10): which sources still lack
 * some, and filling them from the archive's central directory, matched to rows by entry offset.
 */
@Service
public class EntryChecksums {

    /** Rows staged per COPY: bounds the text held at once whatever the archive's size. */
    private static final int CHUNK = 100_000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    EntryChecksums(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** What a source's central directory says, entry by entry. */
    @FunctionalInterface
    public interface Listing {
        void forEach(Sink sink) throws IOException;
    }

    @FunctionalInterface
    public interface Sink {
        /** @param offset the entry's local header offset, as {@link FileLocation.ArchiveEntry#offset()} counts it */
        void accept(long offset, long crc) throws IOException;
    }

    /** Archive sources with images or masks whose CRC is not in the catalog (two probes of partial indexes). */
    @Transactional(readOnly = true)
    public List<FileSource> sourcesMissingThem() {
        return jdbc.sql("""
                select s.id, s.location, s.kind, s.prefix from file_source s
                where exists (select 1 from image i where i.source_id = s.id and i.entry_offset is not null
                                  and i.crc is null)
                   or exists (select 1 from mask m where m.source_id = s.id and m.entry_offset is not null
                                  and m.crc is null)
                order by s.id""")
                .query((rs, row) -> new FileSource(rs.getInt("id"), rs.getString("location"),
                        FileSource.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("prefix")))
                .list();
    }

    /**
     * Fills the missing CRCs of one source's rows from its listing, in one transaction; returns how many rows got
     * one. Rows whose offset the listing does not have keep none (and are read for their CRC when exported).
     */
    @Transactional(rollbackFor = IOException.class)
    public long fill(int sourceId, Listing listing) throws IOException {
        jdbc.sql("create temp table stage_entry_crc (entry_offset bigint, crc bigint) on commit drop").update();
        CopyRows[] rows = {new CopyRows()};
        int[] staged = {0};
        listing.forEach((offset, crc) -> {
            rows[0].add(offset).add(crc).endRow();
            if (++staged[0] == CHUNK) {
                copy(rows[0]);
                rows[0] = new CopyRows();
                staged[0] = 0;
            }
        });
        copy(rows[0]);
        jdbc.sql("analyze stage_entry_crc").update();
        long filled = 0;
        for (String table : List.of("image", "mask")) {
            // one of two constants, never user input
            filled += jdbc.sql("""
                    update %s t set crc = s.crc from stage_entry_crc s
                    where t.source_id = ? and t.entry_offset = s.entry_offset and t.crc is null"""
                    .formatted(table)).param(sourceId).update();
        }
        return filled;
    }

    private void copy(CopyRows rows) throws IOException {
        try {
            rows.copyInto(DataSourceUtils.getConnection(dataSource), "stage_entry_crc");
        } catch (SQLException e) {
            throw new IOException("could not stage entry CRCs", e);
        }
    }
}
