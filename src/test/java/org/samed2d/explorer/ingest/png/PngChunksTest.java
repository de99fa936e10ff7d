package org.samed2d.explorer.ingest.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.SampleData;

class PngChunksTest {

    /** A real mask of the sample: IHDR at 8, one IDAT at 33 (1159 bytes), IEND at 1204, 1216 bytes in all. */
    private static byte[] mask() throws Exception {
        return Files.readAllBytes(SampleData.miniRelease()
                .resolve("masks/ct_00--AMOS2022--amos_0006--z_0090--0002_000.png"));
    }

    /** Hands out at most 7 bytes a call, as a slow stream or an inflater may. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(7, length));
            }
        };
    }

    @Test
    void a_whole_png_passes_in_memory_and_through_a_small_buffer_fed_a_few_bytes_at_a_time() throws Exception {
        byte[] png = mask();

        assertThat(PngChunks.check(png)).isEqualTo(new PngHeader(512, 512, 8, 0, false));
        assertThat(PngChunks.check(trickle(png), 40)).isEqualTo(new PngHeader(512, 512, 8, 0, false));
    }

    @Test
    void every_cut_before_the_end_of_iend_is_refused_both_ways() throws Exception {
        byte[] png = mask();
        for (int length = 0; length < png.length; length++) {
            byte[] cut = Arrays.copyOf(png, length);
            Class<? extends Exception> expected = length < PngHeader.LENGTH ? UnreadablePngException.class
                    : DamagedPngException.class;
            assertThatThrownBy(() -> PngChunks.check(cut)).as("cut at %d", length).isInstanceOf(expected);
            assertThatThrownBy(() -> PngChunks.check(trickle(cut), 40)).as("cut at %d", length).isInstanceOf(expected);
        }
    }

    @Test
    void a_cut_says_where_the_file_ends_and_which_chunk_it_broke() throws Exception {
        byte[] png = mask();

        assertThatThrownBy(() -> PngChunks.check(Arrays.copyOf(png, 200))).hasMessage(
                "PNG ends after 200 bytes, inside its IDAT chunk at byte 33, before IEND: the file is cut short");
        assertThatThrownBy(() -> PngChunks.check(Arrays.copyOf(png, 37))).hasMessage(
                "PNG ends after 37 bytes, inside the header of a chunk at byte 33, before IEND: the file is cut short");
        assertThatThrownBy(() -> PngChunks.check(Arrays.copyOf(png, 1202))).hasMessage(
                "PNG ends after 1202 bytes, inside the CRC of its IDAT chunk at byte 33, before IEND: the file is cut"
                        + " short");
        assertThatThrownBy(() -> PngChunks.check(Arrays.copyOf(png, 1204))).hasMessage(
                "PNG ends after 1204 bytes, between chunks, before IEND: the file is cut short");
    }

    @Test
    void a_flipped_bit_anywhere_in_a_chunk_fails_its_crc() throws Exception {
        byte[] png = mask();
        for (int at = 0; at < png.length; at++) {
            byte[] damaged = png.clone();
            damaged[at] ^= 0x10;
            assertThatThrownBy(() -> PngChunks.check(damaged)).as("bit flipped at %d", at)
                    .isInstanceOf(UnreadablePngException.class);
        }
    }

    @Test
    void bytes_after_iend_are_not_read() throws Exception {
        byte[] png = mask();
        byte[] longer = Arrays.copyOf(png, png.length + 100_000);
        Arrays.fill(longer, png.length, longer.length, (byte) 0xee);
        ByteArrayInputStream stream = new ByteArrayInputStream(longer);

        assertThat(PngChunks.check(longer).width()).isEqualTo(512);
        assertThat(PngChunks.check(stream, 16).width()).isEqualTo(512);
        // the walk stops at IEND: at most one buffer (16 bytes) was read ahead of it
        assertThat(stream.available()).as("left unread after IEND").isBetween(100_000 - 16, 100_000);
    }

    @Test
    void a_png_without_image_data_or_with_a_chunk_type_that_is_not_letters_is_damaged() throws Exception {
        byte[] png = mask();
        byte[] noData = new byte[33 + 12];
        System.arraycopy(png, 0, noData, 0, 33);
        System.arraycopy(png, 1204, noData, 33, 12); // IHDR straight to IEND
        byte[] badType = png.clone();
        badType[37] = '1'; // IDAT's type becomes "1DAT"

        assertThatThrownBy(() -> PngChunks.check(noData)).isInstanceOf(DamagedPngException.class)
                .hasMessage("PNG has no image data (IDAT) before IEND");
        assertThatThrownBy(() -> PngChunks.check(badType)).isInstanceOf(DamagedPngException.class)
                .hasMessage("PNG has no valid chunk at byte 33 (type bytes 31444154, length 1159): the file is damaged");
    }
}
