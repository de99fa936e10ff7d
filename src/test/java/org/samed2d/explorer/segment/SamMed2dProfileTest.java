package org.samed2d.explorer.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.samed2d.explorer.shared.Requester;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.media.MediaService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user-supplied SAM-Med2D export loads through configuration and runs end to end: the test builds two ONNX
 * graphs with exactly SAM-Med2D's interface (256 input, stretched, 16x16 embeddings, 64x64 mask input, four
 * candidate masks) and random weights. A model of the wrong shape is refused with what was expected and found.
 */
@ExplorerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamMed2dProfileTest {

    @Autowired
    MediaService media;
    @Autowired
    CatalogLookup catalog;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;

    Path models;
    long imageId;

    @BeforeAll
    void sampleAndModels() throws Exception {
        models = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "sam-med2d-models");
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        imageId = jdbc.sql("select min(id) from image").query(Long.class).single();
        Files.write(models.resolve("encoder.onnx"), encoder(256));
        Files.write(models.resolve("decoder.onnx"), decoder(16));
        Files.write(models.resolve("encoder-1024.onnx"), encoder(1024));
    }

    private SegmentService serviceWith(String encoder, String decoder) {
        return serviceWith(encoder, decoder, "cpu");
    }

    private SegmentService serviceWith(String encoder, String decoder, String device) {
        var files = new SegmentationProperties.ModelFiles(models.resolve(encoder).toString(),
                models.resolve(decoder).toString(), "stretch", 256, "SAM-Med2D interface, random weights");
        var properties = new SegmentationProperties(device, 1, 64L << 20, 0, 1, 2, Duration.ofSeconds(60), "sam-med2d",
                Map.of("sam-med2d", files));
        return new SegmentService(new ModelRegistry(properties), media, catalog, properties,
                new org.samed2d.explorer.shared.DataRoot(Path.of(System.getProperty("java.io.tmpdir"), "segment-data")));
    }

    @Test
    void a_sam_med2d_export_runs_through_configuration() {
        SegmentService service = serviceWith("encoder.onnx", "decoder.onnx");
        SegmentRequest request = new SegmentRequest(imageId, new int[] {100, 120, 300, 330},
                List.of(new SegmentRequest.Point(200, 220, true)), null, null, null);

        SegmentResult first = service.segment(request);
        assertThat(first.model()).isEqualTo("sam-med2d");
        assertThat(first.rle().size()).containsExactly(512, 512); // upscaled to the image inside the graph
        assertThat(first.timing().cached()).isFalse();

        SegmentResult refined = service.segment(new SegmentRequest(imageId, request.box(), null, first.id(), null, null));
        assertThat(refined.timing().cached()).isTrue();
        assertThat(service.png(refined.id(), new Requester("admin", true))).isPresent();
        service.close();
    }

    @Test
    void asking_for_cuda_where_it_cannot_load_falls_back_to_the_cpu() {
        // the default build carries the CPU runtime only, so CUDA cannot load here: the request must still work
        SegmentService service = serviceWith("encoder.onnx", "decoder.onnx", "cuda");
        SegmentResult result = service.segment(new SegmentRequest(imageId, new int[] {10, 10, 200, 200}, null, null,
                null, null));
        assertThat(result.rle().size()).containsExactly(512, 512);
        service.close();
    }

    @Test
    void a_model_of_the_wrong_shape_is_refused_with_what_was_expected() {
        SegmentService service = serviceWith("encoder-1024.onnx", "decoder.onnx");
        assertThatThrownBy(() -> service.segment(new SegmentRequest(imageId, new int[] {1, 1, 50, 50}, null, null, null, null)))
                .isInstanceOf(ModelInterfaceException.class)
                .hasMessageContaining("model 'sam-med2d' encoder input 'input_image'")
                .hasMessageContaining("expected shape [N, 3, 256, 256], found [1, 3, 1024, 1024]");
        service.close();
    }

    /** input_image [1,3,S,S] -> average pool to S/16 -> 1x1 conv to 256 channels. */
    private static byte[] encoder(int side) {
        int grid = side / 16;
        return new OnnxModelWriter()
                .input("input_image", OnnxModelWriter.FLOAT, 1, 3, side, side)
                .output("image_embeddings", OnnxModelWriter.FLOAT, 1, 256, grid, grid)
                .randomFloats("w", 1, 256, 3, 1, 1)
                .node("AveragePool", List.of("input_image"), List.of("pooled"), "kernel_shape", new long[] {16, 16},
                        "strides", new long[] {16, 16})
                .node("Conv", List.of("pooled", "w"), List.of("image_embeddings"))
                .build();
    }

    /** Four candidate masks from a 1x1 conv of the embedding, upscaled to 64x64 and then to the image size. */
    private static byte[] decoder(int grid) {
        int low = grid * 4;
        return new OnnxModelWriter()
                .input("image_embeddings", OnnxModelWriter.FLOAT, 1, 256, grid, grid)
                .input("point_coords", OnnxModelWriter.FLOAT, 1, "N", 2)
                .input("point_labels", OnnxModelWriter.FLOAT, 1, "N")
                .input("mask_input", OnnxModelWriter.FLOAT, 1, 1, low, low)
                .input("has_mask_input", OnnxModelWriter.FLOAT, 1)
                .input("orig_im_size", OnnxModelWriter.FLOAT, 2)
                .output("masks", OnnxModelWriter.FLOAT, 1, 4, "H", "W")
                .output("iou_predictions", OnnxModelWriter.FLOAT, 1, 4)
                .output("low_res_masks", OnnxModelWriter.FLOAT, 1, 4, low, low)
                .randomFloats("w", 2, 4, 256, 1, 1)
                .floats("scales", new float[] {1, 1, 4, 4}, 4)
                .longs("batch_and_masks", new long[] {1, 4}, 2)
                .node("Conv", List.of("image_embeddings", "w"), List.of("small"))
                .node("Resize", List.of("small", "", "scales"), List.of("upscaled"))
                .node("Add", List.of("upscaled", "mask_input"), List.of("low_res_masks"))
                .node("Cast", List.of("orig_im_size"), List.of("image_size"), "to", 7L)
                .node("Concat", List.of("batch_and_masks", "image_size"), List.of("sizes"), "axis", 0L)
                .node("Resize", List.of("low_res_masks", "", "", "sizes"), List.of("masks"))
                .node("ReduceMean", List.of("low_res_masks"), List.of("iou_predictions"), "axes", new long[] {2, 3},
                        "keepdims", 0L)
                .build();
    }
}
