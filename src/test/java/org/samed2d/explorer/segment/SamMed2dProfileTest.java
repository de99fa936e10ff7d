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
 * A user-supplied SAM-Med2D export loads through configuration and runs end to end, on {@link SamMed2dShapedModel}
 * (SAM-Med2D's interface: 256 input, stretched, 16x16 embeddings, 64x64 mask input, four candidate masks; random
 * weights), and all four candidates are kept. A model of the wrong shape is refused with what was expected and found.
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
        Files.write(models.resolve("encoder.onnx"), SamMed2dShapedModel.encoder(256));
        Files.write(models.resolve("decoder.onnx"), SamMed2dShapedModel.decoder(16));
        Files.write(models.resolve("encoder-1024.onnx"), SamMed2dShapedModel.encoder(1024));
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
    void every_candidate_of_a_four_mask_export_is_kept_scored_and_readable_only_by_its_owner() {
        SegmentService service = serviceWith("encoder.onnx", "decoder.onnx");
        long truth = jdbc.sql("select min(id) from mask where image_id = ?").param(imageId).query(Long.class).single();
        SegmentResult result = service.segment(new SegmentRequest(imageId, new int[] {100, 120, 300, 330}, null, null,
                truth, null), "owner");

        assertThat(result.candidates()).hasSize(4).extracting(SegmentResult.Candidate::index).containsExactly(0, 1, 2, 3);
        SegmentResult.Candidate best = result.candidates().stream()
                .max(java.util.Comparator.comparingDouble(SegmentResult.Candidate::score)).orElseThrow();
        // the top-level fields describe the best-scored candidate, as before candidates were kept
        assertThat(result.candidate()).isEqualTo(best.index());
        assertThat(result.score()).isEqualTo(best.score());
        assertThat(result.rle().counts()).isEqualTo(best.rle().counts());
        assertThat(result.dice()).isEqualTo(best.dice());
        assertThat(result.candidates()).allSatisfy(c -> assertThat(c.dice()).isNotNull());
        // random weights give four different masks, each with its own PNG
        assertThat(result.candidates().stream().map(c -> c.rle().counts()).distinct()).hasSize(4);
        Requester owner = new Requester("owner", false);
        var pngs = java.util.stream.IntStream.range(0, 4)
                .mapToObj(k -> service.png(result.id(), k, owner).orElseThrow()).toList();
        assertThat(pngs.stream().map(java.util.Arrays::hashCode).distinct()).hasSize(4);
        assertThat(service.png(result.id(), owner)).hasValueSatisfying(png -> assertThat(png).isEqualTo(
                pngs.get(best.index())));
        assertThat(service.png(result.id(), 4, owner)).isEmpty();
        assertThat(service.png(result.id(), 0, new Requester("someone-else", false))).isEmpty();

        // refining from a candidate other than the chosen one feeds that candidate's low-res mask back
        int other = (best.index() + 1) % 4;
        SegmentResult fromBest = service.segment(new SegmentRequest(imageId, new int[] {100, 120, 300, 330}, null,
                result.id(), null, null), "owner");
        SegmentResult fromOther = service.segment(new SegmentRequest(imageId, new int[] {100, 120, 300, 330}, null,
                result.id(), null, null, other), "owner");
        // (this test graph adds mask_input to its logits and scores their mean, so the score shows what was fed back)
        assertThat(fromOther.score()).isNotEqualTo(fromBest.score());
        assertThatThrownBy(() -> service.segment(new SegmentRequest(imageId, new int[] {100, 120, 300, 330}, null,
                result.id(), null, null, other), "someone-else"))
                .isInstanceOf(InvalidPromptException.class).hasMessageContaining("no result with id");
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
}
