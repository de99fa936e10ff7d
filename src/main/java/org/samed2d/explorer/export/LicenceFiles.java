package org.samed2d.explorer.export;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.catalog.SourceDataset;
import org.samed2d.explorer.catalog.SourceDatasets;
import tools.jackson.databind.json.JsonMapper;

/**
 * manifest.json (what the export is), LICENSES.md (SA-Med2D-20M's licence and each source dataset's, "unknown" where
 * we could not confirm it) and CITATIONS.bib (the SA-Med2D paper and each source we have a confirmed entry for).
 */
final class LicenceFiles {

    static final String TOOL = "sa-med2d-explorer 0.1.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SA_MED2D_BIBTEX = """
            @article{SAMed2D20M,
              author = {Ye, Jin and Cheng, Junlong and Chen, Jianpin and Deng, Zhongying and Li, Tianbin and Wang, Haoyu and Su, Yanzhou and Huang, Ziyan and Chen, Jilong and Jiang, Lei and Sun, Hui and Zhu, Min and Zhang, Shaoting and He, Junjun and Qiao, Yu},
              title = {{SA-Med2D-20M} Dataset: Segment Anything in {2D} Medical Imaging with 20 Million Masks},
              journal = {arXiv preprint arXiv:2311.11969},
              year = {2023}
            }
            """;

    private final SourceDatasets sources;

    LicenceFiles(SourceDatasets sources) {
        this.sources = sources;
    }

    /** Writes and plans the three files; {@code described} (the split, the training files) goes into manifest.json. */
    void write(ExportRecord export, Set<String> datasets, Map<String, Object> described, GeneratedFiles files)
            throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", export.format());
        manifest.put("filter", export.filter());
        manifest.put("catalogVersion", export.catalogVersion());
        manifest.put("masks", export.masks());
        manifest.put("images", export.images());
        manifest.put("datasets", datasets);
        manifest.put("leftOut", new java.util.TreeMap<>(Map.of("datasets", export.excludedDatasets(),
                "reason", "not redistributable; ask for them with includeRestricted")));
        manifest.putAll(described);
        manifest.put("created", export.stampedAt().toString());
        manifest.put("tool", TOOL);
        files.write("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
        files.plan("manifest.json", "manifest.json");

        StringBuilder licences = new StringBuilder("""
                # Licences

                This export is a subset of SA-Med2D-20M (Ye et al., 2023), licensed CC BY-NC-SA 4.0
                (https://creativecommons.org/licenses/by-nc-sa/4.0/): non-commercial use, with attribution, sharing
                alike. Each source dataset below keeps its own licence and terms, which also apply.

                | dataset | licence | redistributable | homepage |
                | --- | --- | --- | --- |
                """);
        boolean unknown = false;
        for (String dataset : datasets) {
            SourceDataset source = sources.of(dataset).orElse(null);
            String licence = source == null ? "unknown" : source.licence();
            unknown |= licence.equals("unknown") || source == null || source.redistributable().equals("unknown");
            licences.append("| ").append(dataset).append(" | ").append(licence.replace("|", "/")).append(" | ")
                    .append(source == null ? "unknown" : source.redistributable()).append(" | ")
                    .append(source == null || source.homepage() == null ? "" : source.homepage()).append(" |\n");
        }
        if (unknown) {
            licences.append("\nFor datasets marked unknown we could not confirm the licence or whether it may be "
                    + "redistributed; they are included, and you must check their terms before use or sharing.\n");
        }
        if (!export.excludedDatasets().isEmpty()) {
            licences.append("\nLeft out because they may not be redistributed: ")
                    .append(String.join(", ", export.excludedDatasets())).append(".\n");
        }
        files.write("LICENSES.md", licences.toString());
        files.plan("LICENSES.md", "LICENSES.md");

        StringBuilder bib = new StringBuilder(SA_MED2D_BIBTEX);
        for (String dataset : datasets) {
            sources.bibtex(dataset).ifPresentOrElse(entry -> bib.append('\n').append(entry).append('\n'),
                    () -> bib.append("\n% ").append(dataset).append(": no confirmed citation\n"));
        }
        files.write("CITATIONS.bib", bib.toString());
        files.plan("CITATIONS.bib", "CITATIONS.bib");
    }
}
