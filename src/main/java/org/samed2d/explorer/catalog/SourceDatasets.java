package org.samed2d.explorer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The licence and citation table of the release's source datasets ({@code catalog/sources.csv}, shipped with the
 * app): what we could confirm of each, "unknown" where nothing was. Admins' corrections live in the catalog
 * database and win over the shipped row; they are read again every few seconds, so all instances agree.
 */
@Service
public class SourceDatasets {

    private static final String RESOURCE = "/catalog/sources.csv";
    private static final String BIBTEX = "/catalog/sources.bib";
    private final Map<String, SourceDataset> byName = new LinkedHashMap<>();
    private final Map<String, String> bibtexByKey = new LinkedHashMap<>();
    private static final java.util.Set<String> REDISTRIBUTABLE = java.util.Set.of("yes", "no", "conditional", "unknown");
    private final JdbcClient jdbc;
    private final LoadingCache<String, Map<String, SourceDataset>> edits;

    SourceDatasets(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.edits = Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(5)).build(key -> readEdits());
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (InputStream in = SourceDatasets.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            for (CSVRecord row : CSVParser.parse(in, StandardCharsets.UTF_8, format)) {
                String name = row.get("release_name");
                byName.put(name, new SourceDataset(name, blank(row.get("full_name")),
                        orUnknown(row.get("licence")), orUnknown(row.get("redistributable")),
                        blank(row.get("homepage")), blank(row.get("citation")), blank(row.get("doi"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        readBibtex();
    }

    /** Entries start with {@code @type{key,} at the start of a line; comments ({@code %}) are skipped. */
    private void readBibtex() {
        try (InputStream in = SourceDatasets.class.getResourceAsStream(BIBTEX)) {
            if (in == null) {
                return;
            }
            String key = null;
            StringBuilder entry = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("@")) {
                    if (key != null) {
                        bibtexByKey.put(key, entry.toString().strip());
                    }
                    key = line.substring(line.indexOf('{') + 1, line.indexOf(',') < 0 ? line.length() : line.indexOf(','));
                    entry.setLength(0);
                }
                if (key != null && !line.startsWith("%")) {
                    entry.append(line).append('\n');
                }
            }
            if (key != null) {
                bibtexByKey.put(key, entry.toString().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BIBTEX, e);
        }
    }

    /** The BibTeX entry of a dataset (keyed by its release name, non-alphanumerics as {@code _}), if confirmed. */
    public Optional<String> bibtex(String releaseName) {
        return Optional.ofNullable(bibtexByKey.get(releaseName.replaceAll("[^A-Za-z0-9]", "_")));
    }

    /** What is known of a dataset by its name in the release, if it is in the table (as shipped or as corrected). */
    public Optional<SourceDataset> of(String releaseName) {
        SourceDataset edited = edits.get("all").get(releaseName);
        return Optional.ofNullable(edited != null ? edited : byName.get(releaseName));
    }

    /**
     * An admin's correction of a dataset's licence, redistributability and citation; the rest of the shipped row
     * (full name, homepage, DOI) stays.
     */
    public SourceDataset correct(String releaseName, String licence, String redistributable, @Nullable String citation,
                                 String editor) {
        if (!releaseName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new InvalidParameterException("name", "'" + releaseName + "' is not a dataset name of the release");
        }
        org.samed2d.explorer.shared.StorableText.check("licence", licence);
        org.samed2d.explorer.shared.StorableText.check("citation", citation);
        if (licence.isBlank() || licence.length() > 200) {
            throw new InvalidParameterException("licence", "give the licence in 1-200 characters (e.g. CC BY 4.0)");
        }
        if (!REDISTRIBUTABLE.contains(redistributable)) {
            throw new InvalidParameterException("redistributable", "'" + redistributable + "' is not one of "
                    + String.join(", ", new java.util.TreeSet<>(REDISTRIBUTABLE)));
        }
        if (citation != null && citation.length() > 2000) {
            throw new InvalidParameterException("citation", "at most 2000 characters");
        }
        jdbc.sql("""
                insert into source_licence (release_name, licence, redistributable, citation, updated_by)
                values (?, ?, ?, ?, ?)
                on conflict (release_name) do update set licence = excluded.licence,
                    redistributable = excluded.redistributable, citation = excluded.citation,
                    updated_by = excluded.updated_by, updated_at = now()""")
                .params(releaseName, licence.strip(), redistributable, blank(citation), editor).update();
        edits.invalidateAll();
        return of(releaseName).orElseThrow();
    }

    /** Drops an admin's correction, so the shipped row applies again. */
    public void revert(String releaseName) {
        jdbc.sql("delete from source_licence where release_name = ?").param(releaseName).update();
        edits.invalidateAll();
    }

    private Map<String, SourceDataset> readEdits() {
        Map<String, SourceDataset> corrected = new LinkedHashMap<>();
        jdbc.sql("select release_name, licence, redistributable, citation from source_licence").query((rs, n) -> {
            String name = rs.getString(1);
            SourceDataset shipped = byName.get(name);
            corrected.put(name, new SourceDataset(name, shipped == null ? null : shipped.fullName(), rs.getString(2),
                    rs.getString(3), shipped == null ? null : shipped.homepage(), rs.getString(4),
                    shipped == null ? null : shipped.doi()));
            return name;
        }).list();
        return corrected;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orUnknown(@Nullable String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
