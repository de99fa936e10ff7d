package org.samed2d.explorer.ingest.png;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.SampleData;

class MaskPixelsTest {

    /** The reference: every pixel through ImageIO, counted plainly. */
    private static MaskPixels.Measure reference(byte[] png) throws IOException {
        Raster raster = ImageIO.read(new java.io.ByteArrayInputStream(png)).getRaster();
        long area = 0, sx = 0, sy = 0;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                if (raster.getSample(x, y, 0) != 0) {
                    area++; sx += x; sy += y;
                    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
                }
            }
        }
        // the COCO counts as the exporter writes them, escaped inside a JSON string
        String counts = org.samed2d.explorer.shared.BinaryMask.ofImage(ImageIO.read(new java.io.ByteArrayInputStream(png)))
                .cocoCounts();
        int jsonChars = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(counts).length() - 2;
        return new MaskPixels.Measure(raster.getWidth(), raster.getHeight(), area, x0, y0, x1, y1,
                (double) sx / area, (double) sy / area, jsonChars);
    }

    @Test
    void measures_every_sample_mask_exactly_as_a_full_decode_counts_it() throws Exception {
        List<Path> masks;
        try (Stream<Path> files = Files.list(SampleData.miniRelease().resolve("masks"))) {
            masks = files.sorted().toList();
        }
        assertThat(masks).hasSize(30);
        for (Path mask : masks) {
            byte[] png = Files.readAllBytes(mask);
            assertThat(MaskPixels.measure(png)).as(mask.getFileName().toString()).isEqualTo(reference(png));
        }
    }

    @Test
    void unfilters_rows_written_with_every_png_filter() throws Exception {
        // ImageIO's writer picks filters per row; a textured mask makes it use all of them.
        BufferedImage image = new BufferedImage(97, 61, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 61; y++) {
            for (int x = 0; x < 97; x++) {
                boolean on = ((x * 7 + y * 3) % 11 < 5) || (x > 20 && x < 50 && y > 10 && y < 40);
                image.getRaster().setSample(x, y, 0, on ? 255 : 0);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        assertThat(MaskPixels.measure(png.toByteArray())).isEqualTo(reference(png.toByteArray()));
    }

    @Test
    void refuses_a_mask_with_grey_values_naming_the_pixel() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(3, 5, 0, 128);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        assertThatThrownBy(() -> MaskPixels.measure(png.toByteArray()))
                .isInstanceOf(NonBinaryMaskException.class)
                .hasMessageContaining("pixel (3,5) has value 128");
    }

    @Test
    void refuses_files_that_are_not_png() {
        assertThatThrownBy(() -> MaskPixels.measure("not a png at all, just text...........".getBytes()))
                .isInstanceOf(UnreadablePngException.class)
                .hasMessageContaining("not a PNG");
    }

    @Test
    void refuses_a_truncated_png() throws Exception {
        byte[] png = Files.readAllBytes(SampleData.miniRelease().resolve("masks")
                .resolve("ct_00--AMOS2022--amos_0004--z_0075--0003_000.png"));
        byte[] cut = java.util.Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> MaskPixels.measure(cut)).isInstanceOf(UnreadablePngException.class);
    }

    @Test
    void reads_size_from_the_header_alone() throws Exception {
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(SampleData.miniRelease().resolve("images")
                .resolve("ct_00--Totalsegmentator_dataset--s0114--z_0111.png")), PngHeader.LENGTH);
        PngHeader header = PngHeader.read(head);
        assertThat(header.width()).isEqualTo(258);
        assertThat(header.height()).isEqualTo(181);
        assertThat(header.colorType()).isEqualTo(2);
    }
}
