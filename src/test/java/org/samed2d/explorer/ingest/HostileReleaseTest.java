package org.samed2d.explorer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Releases built to hurt the server: decompression bombs, lying archive headers, symbolic links out of the
 * release and absurd JSON are refused before memory is committed to them, and everything else is still ingested.
 */
@ExplorerTest
class HostileReleaseTest {

    private static final String AMOS4 = "ct_00--AMOS2022--amos_0004--z_0075";
    private static final String AMOS6 = "ct_00--AMOS2022--amos_0006--z_0090";

    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path temp;
    Path release;

    @BeforeEach
    void copyOfTheSample() throws IOException {
        new CatalogTestSupport(jdbc).empty();
        release = SampleData.copyOfRelease(temp);
    }

    /** A PNG signature and IHDR chunk that declare the given size, followed by no pixels at all. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4 + 16).putLong(0x89504E470D0A1A0AL).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue()).array();
    }

    private Path mask(String stem, String suffix) {
        return release.resolve("masks/" + stem + "--" + suffix + ".png");
    }

    @Test
    void pngs_declaring_100000_by_100000_pixels_are_refused_from_their_header() throws Exception {
        Files.write(release.resolve("images/" + AMOS4 + ".png"), pngDeclaring(100_000, 100_000));
        Files.write(mask(AMOS6, "0001_000"), pngDeclaring(100_000, 100_000));

        IngestReport report = ingest.ingest(release);

        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.UNREADABLE_PNG)
                .extracting(SkippedItem::file, SkippedItem::detail).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("images/" + AMOS4 + ".png",
                                "PNG declares 100000x100000 pixels, more than the 268435456 an image or mask may have"),
                        org.assertj.core.groups.Tuple.tuple("masks/" + AMOS6 + "--0001_000.png",
                                "PNG declares 100000x100000 pixels, more than the 268435456 an image or mask may have"));
        assertThat(report.imagesAdded()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from mask where area is not null").query(Long.class).single()).isPositive();
    }

    @Test
    void a_symbolic_link_out_of_the_release_is_refused() throws Exception {
        Path outside = temp.resolve("outside.png");
        Files.copy(mask(AMOS6, "0002_000"), outside);
        Files.delete(mask(AMOS6, "0002_000"));
        Files.createSymbolicLink(mask(AMOS6, "0002_000"), outside);
        Path outsideImage = temp.resolve("outside-image.png");
        Files.move(release.resolve("images/" + AMOS4 + ".png"), outsideImage);
        Files.createSymbolicLink(release.resolve("images/" + AMOS4 + ".png"), outsideImage);

        IngestReport report = ingest.ingest(release);

        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.OUTSIDE_ROOT)
                .extracting(SkippedItem::file).containsExactlyInAnyOrder("masks/" + AMOS6 + "--0002_000.png",
                        "images/" + AMOS4 + ".png");
        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.OUTSIDE_ROOT)
                .allSatisfy(item -> assertThat(item.detail()).contains("symbolic link"));
        assertThat(jdbc.sql("select count(*) from image").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void a_masks_folder_that_is_a_link_out_of_the_release_is_refused() throws Exception {
        Path outside = temp.resolve("elsewhere");
        Files.move(release.resolve("masks"), outside);
        Files.createSymbolicLink(release.resolve("masks"), outside);

        IngestReport report = ingest.ingest(release);

        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.OUTSIDE_ROOT).hasSize(30)
                .allSatisfy(item -> assertThat(item.detail()).contains("symbolic link"));
        assertThat(report.imagesAdded()).isEqualTo(4);
        assertThat(report.masksAdded()).isZero();
    }

    @Test
    void a_link_that_stays_inside_the_release_is_followed() throws Exception {
        Path real = release.resolve("kept-elsewhere.png");
        Files.move(mask(AMOS6, "0002_000"), real);
        Files.createSymbolicLink(mask(AMOS6, "0002_000"), Path.of("..", "kept-elsewhere.png"));

        IngestReport report = ingest.ingest(release);

        assertThat(report.skippedTotal()).isZero();
        assertThat(report.masksAdded()).isEqualTo(30);
    }

    @Test
    void an_image_that_is_a_link_to_a_file_inside_the_release_is_followed() throws Exception {
        Path kept = Files.createDirectories(release.resolve("kept"));
        Files.move(release.resolve("images/" + AMOS4 + ".png"), kept.resolve(AMOS4 + ".png"));
        Files.createSymbolicLink(release.resolve("images/" + AMOS4 + ".png"), Path.of("..", "kept", AMOS4 + ".png"));

        IngestReport report = ingest.ingest(release);

        assertThat(report.skipped()).isEmpty();
        assertThat(report.imagesAdded()).isEqualTo(4);
        assertThat(report.masksAdded()).isEqualTo(30);
    }

    @Test
    void absolute_links_links_to_links_and_linked_folders_inside_the_release_are_followed() throws Exception {
        Path kept = Files.createDirectories(release.resolve("kept"));
        Files.move(release.resolve("images/" + AMOS6 + ".png"), kept.resolve(AMOS6 + ".png"));
        Files.createSymbolicLink(release.resolve("images/" + AMOS6 + ".png"), kept.resolve(AMOS6 + ".png"));
        Files.move(mask(AMOS6, "0002_000"), kept.resolve("real.png"));
        Files.createSymbolicLink(kept.resolve("hop.png"), Path.of("real.png"));
        // relative to the folder the link ends up in, kept/masks once masks/ has moved there
        Files.createSymbolicLink(mask(AMOS6, "0002_000"), Path.of("..", "hop.png"));
        Files.move(release.resolve("masks"), release.resolve("kept/masks"));
        Files.createSymbolicLink(release.resolve("masks"), Path.of("kept", "masks"));

        IngestReport report = ingest.ingest(release);

        assertThat(report.skipped()).isEmpty();
        assertThat(report.imagesAdded()).isEqualTo(4);
        assertThat(report.masksAdded()).isEqualTo(30);
    }

    @Test
    void a_link_is_judged_by_its_real_target_not_by_the_path_it_names() throws Exception {
        // out of the release and back in: the real target is inside, so it is followed
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.move(release.resolve("images/" + AMOS4 + ".png"), release.resolve("kept-" + AMOS4 + ".png"));
        Files.createSymbolicLink(outside.resolve("back-in.png"), release.resolve("kept-" + AMOS4 + ".png"));
        Files.createSymbolicLink(release.resolve("images/" + AMOS4 + ".png"), outside.resolve("back-in.png"));
        // a path that reads as inside but passes a folder link that leads out: refused
        Files.copy(release.resolve("images/" + AMOS6 + ".png"), outside.resolve(AMOS6 + ".png"));
        Files.delete(release.resolve("images/" + AMOS6 + ".png"));
        Files.createSymbolicLink(release.resolve("door"), outside);
        Files.createSymbolicLink(release.resolve("images/" + AMOS6 + ".png"), Path.of("..", "door", AMOS6 + ".png"));

        IngestReport report = ingest.ingest(release);

        assertThat(report.skippedByReason()).isEqualTo(Map.of(SkipReason.OUTSIDE_ROOT, 1L, SkipReason.IMAGE_SKIPPED, 4L));
        assertThat(report.skipped()).filteredOn(item -> item.reason() == SkipReason.OUTSIDE_ROOT)
                .extracting(SkippedItem::file).containsExactly("images/" + AMOS6 + ".png");
        assertThat(report.imagesAdded()).isEqualTo(3);
        assertThat(report.masksAdded()).isEqualTo(26);
    }

    @Test
    void a_zip_entry_that_lies_about_its_size_is_refused_without_allocating_it() throws Exception {
        Path zip = ZipFixtures.plainZip(temp, temp, "lying.zip");
        String victim = "SAMed2Dv1/masks/" + AMOS6 + "--0002_000.png";
        declareSize(zip, victim, 0x7FFF_FFF0L);
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        IngestReport report = ingest.ingest(zip);

        assertThat(report.skipped()).filteredOn(item -> item.file().equals("masks/" + AMOS6 + "--0002_000.png"))
                .singleElement().satisfies(item -> {
                    assertThat(item.reason()).isEqualTo(SkipReason.UNREADABLE_PNG);
                    assertThat(item.detail()).contains("declares 2147483632 bytes");
                });
        assertThat(report.masksAdded()).isEqualTo(29);
        long heapAfter = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertThat(heapAfter - heapBefore).as("no 2 GB buffer").isLessThan(1L << 30);
    }

    /** Overwrites the uncompressed size of one entry in the ZIP's central directory. */
    private static void declareSize(Path zip, String entryName, long size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < bytes.length; at++) {
            if (buffer.getInt(at) == 0x02014b50 && buffer.getShort(at + 28) == name.length
                    && java.util.Arrays.equals(bytes, at + 46, at + 46 + name.length, name, 0, name.length)) {
                buffer.putInt(at + 24, (int) size);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException(entryName + " not in " + zip);
    }

    @Test
    void deeply_nested_or_huge_json_values_are_refused_with_a_clear_message() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        Path indexFile = release.resolve("SAMed2D_v1.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> index = json.readValue(indexFile.toFile(), LinkedHashMap.class);
        Object nested = List.of();
        for (int i = 0; i < 200; i++) {
            nested = List.of(nested);
        }
        index.put("images/deep.png", nested);
        json.writeValue(indexFile.toFile(), index);

        IngestReport deep = ingest.ingest(release);
        assertThat(deep.warning()).contains("SAMed2D_v1.json").contains("nesting depth");
        assertThat(deep.imagesAdded()).as("entries before the fault").isEqualTo(4);

        new CatalogTestSupport(jdbc).empty();
        index.remove("images/deep.png");
        index.put("images/huge.png", List.of("masks/" + "x".repeat(5_000_000) + ".png"));
        json.writeValue(indexFile.toFile(), index);
        IngestReport huge = ingest.ingest(release);
        assertThat(huge.warning()).contains("SAMed2D_v1.json").contains("String value length");
        assertThat(huge.imagesAdded()).isEqualTo(4);
    }
}
