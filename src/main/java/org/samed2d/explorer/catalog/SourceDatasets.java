package org.samed2d.explorer.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The licence and citation table of the release's source datasets ({@code catalog/sources.csv}, shipped with the
 * app): what we could confirm of each, "unknown" where nothing was.
 */
@Service
public class SourceDatasets {

    private static final String RESOURCE = "/catalog/sources.csv";
    private static final String BIBTEX = "/catalog/sources.bib";
    private final Map<String, SourceDataset> byName = new LinkedHashMap<>();
    private final Map<String, String> bibtexByKey = new LinkedHashMap<>();

    SourceDatasets() {
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

    /** What is known of a dataset by its name in the release, if it is in the table. */
    public Optional<SourceDataset> of(String releaseName) {
        return Optional.ofNullable(byName.get(releaseName));
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orUnknown(@Nullable String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
