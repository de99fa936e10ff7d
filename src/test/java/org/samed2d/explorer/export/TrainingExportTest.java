package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.LocalApi;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.TestAccounts;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Exports that training code loads unchanged, read back by an independent reader (a Python 3 script written from
 * what SAM-Med2D's DataLoader.py and MONAI's load_decathlon_datalist do, run from the unzip folder), on a generated
 * release whose volumes are cut along x, y and z into cases of many slices.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingExportTest {

    private static final String SPLIT = "{\"val\": 0.2, \"test\": 0.3, \"by\": \"case\", \"seed\": 7}";

    @LocalServerPort
    int port;
    @Autowired
    IngestService ingest;
    @Autowired
    SearchService search;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @TempDir
    Path temp;
    LocalApi api;

    @BeforeAll
    void generatedReleaseAndSample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.generated());
        ingest.ingest(SampleData.mini());
        search.rebuild();
        api = new TestAccounts(accounts, tokens).api(port, Role.RESEARCHER);
    }

    private JsonNode finished(String body) throws Exception {
        JsonNode record = api.finishedJob("/api/v1/exports", body);
        assertThat(record.get("state").asString()).as(record.toString()).isEqualTo("done");
        return record;
    }

    private byte[] download(JsonNode record) throws Exception {
        return api.bytes("/api/v1/exports/" + record.get("id").asString() + "/download").body();
    }

    /** Unzips the archive into a new folder of {@code temp}, as {@code unzip export.zip -d X} does. */
    private Path unzipped(byte[] zip, String name) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = folder.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(folder)).as(entry.getName()).isTrue();
                Files.createDirectories(file.getParent());
                Files.write(file, in.readAllBytes());
            }
        }
        return folder;
    }

    /** Runs the independent reader in {@code workingDirectory} on {@code dataPath}; returns what it found. */
    private JsonNode read(Path workingDirectory, String dataPath, boolean whole) throws Exception {
        Path script = Path.of(getClass().getResource("/readers/read_training_export.py").toURI());
        Path out = Files.createTempFile(temp, "reader", ".json");
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), dataPath, out.toString()));
        if (whole) {
            command.add("--all");
        }
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode found = LocalApi.json(Files.readString(out));
        List<String> errors = new ArrayList<>();
        found.get("errors").forEach(error -> errors.add(error.asString()));
        assertThat(errors).as("%d errors, the first: %s", errors.size(), errors.stream().limit(5).toList()).isEmpty();
        return found;
    }

    private static JsonNode manifest(Path folder) throws IOException {
        return LocalApi.json(Files.readString(folder.resolve("manifest.json")));
    }

    /** (dataset, case) to the one part the reader found it in. */
    private static Map<List<String>, String> casesOf(JsonNode found) {
        Map<List<String>, String> cases = new HashMap<>();
        found.get("cases").forEach(row -> cases.put(List.of(row.get(0).asString(), row.get(1).asString()),
                row.get(2).asString()));
        return cases;
    }

    @Test
    void a_split_release_export_reads_as_sam_med2d_and_monai_read_it_with_every_case_on_one_side() throws Exception {
        JsonNode record = finished("{\"format\": \"sa-med2d\", \"split\": " + SPLIT + "}");
        Path folder = unzipped(download(record), "split");

        JsonNode found = read(folder, "SAMed2Dv1", false);

        long masks = record.get("masks").asLong();
        assertThat(found.get("masksRead").asLong()).isEqualTo(masks);
        assertThat(found.get("imagesRead").asLong()).isEqualTo(record.get("images").asLong());
        assertThat(found.get("casesInSeveralParts").asInt()).isZero();
        JsonNode split = manifest(folder).get("split");
        for (String part : List.of("train", "val", "test")) {
            assertThat(found.get("parts").get(part)).as(part).isEqualTo(split.get("parts").get(part));
            assertThat(found.get("parts").get(part).get("masks").asLong()).as(part).isPositive();
        }
        assertThat(found.get("parts").get("train").get("masks").asLong() + found.get("parts").get("val").get("masks")
                .asLong() + found.get("parts").get("test").get("masks").asLong()).isEqualTo(masks);
        // datasets with fewer than 1 / 0.2 = 5 cases in the whole catalog go to train whole
        List<String> few = jdbc.sql("""
                select d.name from image i join dataset d on d.id = i.dataset_id where d.name <> 'Brain_PTM'
                group by d.name having count(distinct i.case_name) < 5 order by d.name""").query(String.class).list();
        assertThat(few).isNotEmpty();
        assertThat(split.get("minimumCasesPerDataset").asLong()).isEqualTo(5);
        List<String> kept = new ArrayList<>();
        split.get("keptInTrain").get("datasets").forEach(name -> kept.add(name.asString()));
        assertThat(kept).isEqualTo(few);
        Set<String> valCases = new TreeSet<>();
        split.get("cases").get("val").forEach(c -> valCases.add(c.get("dataset").asString() + "/" + c.get("case").asString()));
        Set<String> readVal = new TreeSet<>();
        casesOf(found).forEach((key, part) -> {
            if (part.equals("val")) {
                readVal.add(key.get(0) + "/" + key.get(1));
            }
        });
        assertThat(valCases).isEqualTo(readVal);

        // the same request on the same catalog gives the same bytes
        assertThat(download(finished("{\"format\": \"sa-med2d\", \"split\": " + SPLIT + "}"))).isEqualTo(download(record));
    }

    @Test
    void two_exports_with_different_filters_and_one_seed_keep_every_case_on_its_side() throws Exception {
        // the slices along x and y in one export, along z (and the 2D sources) in another: the same cases, other images
        JsonNode across = finished("{\"format\": \"sa-med2d\", \"split\": " + SPLIT
                + ", \"filter\": {\"axis\": [\"x\", \"y\"]}}");
        JsonNode along = finished("{\"format\": \"sa-med2d\", \"split\": " + SPLIT
                + ", \"filter\": {\"axis\": [\"z\", \"2d\"]}}");

        Map<List<String>, String> first = casesOf(read(unzipped(download(across), "xy"), "SAMed2Dv1", false));
        Map<List<String>, String> second = casesOf(read(unzipped(download(along), "z"), "SAMed2Dv1", false));

        Set<List<String>> shared = new HashSet<>(first.keySet());
        shared.retainAll(second.keySet());
        assertThat(shared).hasSizeGreaterThan(20);
        Set<String> partsSeen = new HashSet<>();
        for (List<String> key : shared) {
            assertThat(second.get(key)).as(key.toString()).isEqualTo(first.get(key));
            partsSeen.add(first.get(key));
        }
        assertThat(partsSeen).containsExactlyInAnyOrder("train", "val", "test");
    }

    @Test
    void a_split_by_image_says_how_many_cases_fall_on_several_sides() throws Exception {
        JsonNode record = finished("{\"format\": \"sa-med2d\", \"split\": {\"val\": 0.2, \"test\": 0.3, \"by\": \"image\","
                + " \"seed\": 7}, \"filter\": {\"modality\": [\"ct\"]}}");
        Path folder = unzipped(download(record), "by-image");

        JsonNode found = read(folder, "SAMed2Dv1", false);

        int several = found.get("casesInSeveralParts").asInt();
        assertThat(several).isPositive();
        JsonNode split = manifest(folder).get("split");
        assertThat(split.get("by").asString()).isEqualTo("image");
        assertThat(split.get("warning").asString()).contains("slices of one case").contains(several + " cases of this"
                + " export are in more than one part");
    }

    @Test
    void with_a_path_prefix_the_lists_resolve_from_any_folder_and_the_datalist_from_its_own() throws Exception {
        Path folder = temp.resolve("prefixed").toAbsolutePath();
        JsonNode record = finished("{\"format\": \"sa-med2d\", \"split\": " + SPLIT + ", \"pathPrefix\": \"" + folder
                + "\", \"filter\": {\"dataset\": [\"AMOS2022\", \"WORD\"]}}");
        unzipped(download(record), "prefixed");
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));

        JsonNode found = read(elsewhere, folder.resolve("SAMed2Dv1").toString(), false);

        assertThat(found.get("masksRead").asLong()).isEqualTo(record.get("masks").asLong());
        JsonNode train = LocalApi.json(Files.readString(folder.resolve("SAMed2Dv1/image2label_train.json")));
        assertThat(train.propertyNames().iterator().next()).startsWith(folder + "/SAMed2Dv1/images/");
        assertThat(Files.readString(folder.resolve("SAMed2Dv1/datalist.json"))).contains("\"image\": \"images/");
    }

    @Test
    void without_a_split_the_whole_subset_is_in_the_all_lists() throws Exception {
        // the sample's two AMOS2022 slices: their cases are the only ones named amos_*
        JsonNode record = finished("{\"format\": \"sa-med2d\", \"filter\": {\"q\": [\"amos\"]}}");
        Path folder = unzipped(download(record), "whole");

        JsonNode found = read(folder, "SAMed2Dv1", true);

        assertThat(found.get("parts").toString()).isEqualTo("{\"all\":{\"images\":2,\"masks\":7,\"cases\":2}}");
        assertThat(folder.resolve("SAMed2Dv1/image2label_train.json")).doesNotExist();
        assertThat(manifest(folder).has("split")).isFalse();
        assertThat(Files.readAllLines(folder.resolve("manifest.csv"))).hasSize(8).first().isEqualTo(
                "mask_id,mask,image,dataset,modality,submodality,label,class_id,instance,case,axis,slice,part");
    }

    @Test
    void a_split_coco_export_has_one_annotation_file_per_part_naming_each_source_mask() throws Exception {
        JsonNode record = finished("{\"format\": \"coco\", \"split\": " + SPLIT + ", \"categories\": \"dataset-label\","
                + " \"filter\": {\"modality\": [\"ct\"]}}");
        Path folder = unzipped(download(record), "coco");
        JsonNode split = manifest(folder).get("split");
        assertThat(folder.resolve("annotations.json")).doesNotExist();

        JsonNode categories = null;
        Set<Long> annotated = new HashSet<>();
        for (String part : List.of("train", "val", "test")) {
            JsonNode coco = LocalApi.json(Files.readString(folder.resolve("annotations_" + part + ".json")));
            assertThat(coco.get("annotations").size()).as(part).isEqualTo(split.get("parts").get(part).get("masks").asInt());
            assertThat(coco.get("images").size()).as(part).isEqualTo(split.get("parts").get(part).get("images").asInt());
            if (categories != null) {
                assertThat(coco.get("categories")).isEqualTo(categories);
            }
            categories = coco.get("categories");
            Set<Long> images = new HashSet<>();
            coco.get("images").forEach(image -> {
                images.add(image.get("id").asLong());
                assertThat(folder.resolve("images").resolve(image.get("file_name").asString())).exists();
            });
            Map<Long, String> categoryNames = new TreeMap<>();
            coco.get("categories").forEach(c -> categoryNames.put(c.get("id").asLong(), c.get("dataset").asString()
                    + "/" + c.get("label").asString()));
            for (JsonNode annotation : coco.get("annotations")) {
                assertThat(images).contains(annotation.get("image_id").asLong());
                var mask = jdbc.sql("""
                        select m.path, d.name as dataset, i.case_name, m.instance, l.name as label from mask m
                        join image i on i.id = m.image_id join dataset d on d.id = i.dataset_id
                        join label l on l.id = m.label_id where m.id = ?""").param(annotation.get("id").asLong())
                        .query().singleRow();
                JsonNode source = annotation.get("sa_med2d");
                assertThat(source.get("mask").asString()).isEqualTo(mask.get("path"));
                assertThat(source.get("maskId").asLong()).isEqualTo(annotation.get("id").asLong());
                assertThat(source.get("dataset").asString()).isEqualTo(mask.get("dataset"));
                assertThat(source.get("case").asString()).isEqualTo(mask.get("case_name"));
                assertThat(source.get("instance").asInt()).isEqualTo(mask.get("instance"));
                assertThat(categoryNames.get(annotation.get("category_id").asLong()))
                        .isEqualTo(mask.get("dataset") + "/" + mask.get("label"));
                annotated.add(annotation.get("id").asLong());
            }
        }
        assertThat((long) annotated.size()).isEqualTo(record.get("masks").asLong());
    }

    @Test
    void a_manifest_export_with_a_split_names_each_masks_part() throws Exception {
        JsonNode record = finished("{\"format\": \"manifest\", \"split\": " + SPLIT + "}");
        Path folder = unzipped(download(record), "manifest");
        JsonNode split = manifest(folder).get("split");

        List<String> rows = Files.readAllLines(folder.resolve("manifest.csv"));

        assertThat(rows.getFirst()).endsWith(",height,part");
        Map<String, Long> perPart = new TreeMap<>();
        rows.stream().skip(1).forEach(row -> perPart.merge(row.substring(row.lastIndexOf(',') + 1), 1L, Long::sum));
        assertThat(perPart).isEqualTo(Map.of("train", split.get("parts").get("train").get("masks").asLong(),
                "val", split.get("parts").get("val").get("masks").asLong(),
                "test", split.get("parts").get("test").get("masks").asLong()));
    }

    @Test
    void bad_training_options_are_400s_naming_the_parameter() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"format\": \"sa-med2d\", \"split\": {\"val\": 0.7, \"test\": 0.4}}", "split",
                "{\"format\": \"sa-med2d\", \"split\": {\"val\": 0.1, \"by\": \"patient\"}}", "split",
                "{\"format\": \"sa-med2d\", \"split\": {\"val\": 0.1, \"folds\": 5}}", "split",
                "{\"format\": \"sa-med2d\", \"pathPrefix\": \"data/liver\"}", "pathPrefix",
                "{\"format\": \"coco\", \"pathPrefix\": \"/data/liver/\"}", "pathPrefix",
                "{\"format\": \"sa-med2d\", \"categories\": \"dataset-label\"}", "categories",
                "{\"format\": \"coco\", \"categories\": \"organ\"}", "categories");
        for (var entry : cases.entrySet()) {
            HttpResponse<String> response = api.post("/api/v1/exports", entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey() + " -> " + response.body()).isEqualTo(400);
            assertThat(LocalApi.json(response.body()).get("parameter").asString()).isEqualTo(entry.getValue());
        }
    }
}
