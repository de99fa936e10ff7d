package org.samed2d.explorer.segment;

import org.samed2d.explorer.shared.BinaryMask;
import org.samed2d.explorer.shared.Requester;
import ai.onnxruntime.OrtException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.annotation.PreDestroy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.media.StoredBytes;
import org.samed2d.explorer.shared.DataRoot;
import org.springframework.stereotype.Service;

/**
 * Runs prompts on images. The encoder runs once per (image, model): embeddings stay in a memory cache bounded in
 * bytes, and concurrent requests for the same image wait for one computation. Inference runs on a small worker pool
 * with a bounded queue, so a burst gets 429 instead of starving the portal, and no request waits past the timeout.
 */
@Service
public class SegmentService implements MeterBinder {

    private final ModelRegistry models;
    private final MediaService media;
    private final CatalogLookup catalog;
    private final SegmentationProperties properties;
    private final Cache<EmbeddingKey, Embedding> embeddings;
    private final SegmentResults results = new SegmentResults();
    private final ThreadPoolExecutor workers;

    private record EmbeddingKey(String model, long imageId) {
    }

    private record Embedding(float[] values, int width, int height) {
    }

    private final EmbeddingStore store;

    SegmentService(ModelRegistry models, MediaService media, CatalogLookup catalog, SegmentationProperties properties,
                   DataRoot root) {
        this.store = new EmbeddingStore(root.resolve("embeddings"), properties.diskCacheBytes());
        this.models = models;
        this.media = media;
        this.catalog = catalog;
        this.properties = properties;
        this.embeddings = Caffeine.newBuilder().maximumWeight(properties.cacheBytes())
                .weigher((EmbeddingKey key, Embedding value) -> value.values().length * Float.BYTES + 64)
                .recordStats().build();
        this.workers = new ThreadPoolExecutor(properties.workers(), properties.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, properties.queue())),
                Thread.ofPlatform().daemon().name("segment-", 0).factory());
    }

    /** Queue depth, busy workers, finished inferences and the embedding cache's hit ratio, for Prometheus. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("explorer.segmentation.queue", workers, pool -> pool.getQueue().size())
                .description("segmentation requests waiting for a worker").register(registry);
        Gauge.builder("explorer.segmentation.active", workers, ThreadPoolExecutor::getActiveCount)
                .description("segmentation workers busy").register(registry);
        FunctionCounter.builder("explorer.segmentation.completed", workers, ThreadPoolExecutor::getCompletedTaskCount)
                .description("inferences run").register(registry);
        CaffeineCacheMetrics.monitor(registry, embeddings, "embeddings");
    }

    public Set<String> models() {
        return models.names();
    }

    public String defaultModel() {
        return properties.defaultModel();
    }

    /**
     * Runs the prompt for {@code owner} (null for background jobs), whose result it becomes: only they refine it
     * and, with admins, read its mask. Throws {@link InvalidPromptException} for bad input,
     * {@link SegmentationBusyException} when full.
     */
    public SegmentResult segment(SegmentRequest request, @Nullable String owner) {
        return onWorker(() -> run(request, owner));
    }

    /** Runs the prompt for a background job or the command line: a result no account owns. */
    public SegmentResult segment(SegmentRequest request) {
        return segment(request, null);
    }

    /**
     * For background jobs (evaluations, precompute): calls until the workers admit the call, so jobs queue behind
     * interactive requests instead of failing when the workers are busy.
     */
    static <T> T whenAdmitted(java.util.function.Supplier<T> call) {
        while (true) {
            try {
                return call.get();
            } catch (SegmentationBusyException e) {
                try {
                    Thread.sleep(Math.max(100, e.retryAfter().toMillis() / 4));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Runs a task on the worker pool within the timeout; a full queue or a timeout is "busy", never a long wait. */
    private <T> T onWorker(java.util.concurrent.Callable<T> task) {
        Future<T> running;
        try {
            running = workers.submit(task);
        } catch (RejectedExecutionException e) {
            throw new SegmentationBusyException("every segmentation worker is busy and " + properties.queue()
                    + " requests already wait", Duration.ofSeconds(2));
        }
        try {
            return running.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new SegmentationBusyException("the request took longer than " + properties.timeout().toSeconds()
                    + " s", Duration.ofSeconds(5));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("segmentation failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Drops every cached embedding (benchmarks time the encoder with it; also frees memory on request). */
    public void forgetEmbeddings() {
        embeddings.invalidateAll();
    }

    /**
     * The predicted mask of an earlier result as a 0/255 PNG, while the result is kept (30 minutes unused); empty
     * for someone else's result unless the requester is an admin.
     */
    public Optional<byte[]> png(String resultId, Requester requester) {
        return results.readable(resultId, requester)
                .map(stored -> stored.masks().masks().get(stored.result().candidate()).png());
    }

    /** Candidate {@code candidate} of an earlier result as a 0/255 PNG; empty as above, or when it has no such one. */
    public Optional<byte[]> png(String resultId, int candidate, Requester requester) {
        return results.readable(resultId, requester)
                .filter(stored -> candidate >= 0 && candidate < stored.masks().count())
                .map(stored -> stored.masks().masks().get(candidate).png());
    }

    private SegmentResult run(SegmentRequest request, @Nullable String owner) throws OrtException, IOException {
        String modelName = request.model() == null ? properties.defaultModel() : request.model();
        PromptModel model = models.get(modelName);
        ImageRecord image = catalog.image(request.imageId())
                .orElseThrow(() -> new InvalidPromptException("imageId", "no image with id " + request.imageId()));
        ModelPrompt prompt = ModelPrompt.of(request, image.width(), image.height(), model.profile());
        float @Nullable [] previous = previous(request, modelName, owner);
        BinaryMask truth = groundTruth(request);

        AtomicBoolean computed = new AtomicBoolean();
        long encodeStart = System.nanoTime();
        Embedding embedding = embedding(model, image.id(), computed);
        long encoderMs = computed.get() ? (System.nanoTime() - encodeStart) / 1_000_000 : 0;

        long decodeStart = System.nanoTime();
        PromptModel.Decoded decoded = model.decode(embedding.values(), prompt.coords(), prompt.labels(),
                previous, embedding.width(), embedding.height());
        long decoderMs = (System.nanoTime() - decodeStart) / 1_000_000;

        CandidateMasks masks = CandidateMasks.of(decoded, embedding.width(), embedding.height());
        List<SegmentResult.Candidate> candidates = masks.describe(truth);
        SegmentResult.Candidate best = candidates.get(masks.best());
        String id = UUID.randomUUID().toString();
        SegmentResult result = new SegmentResult(id, modelName, image.id(), best.area(), best.bbox(), best.score(),
                best.rle(), best.dice(), best.iou(), new SegmentResult.Timing(encoderMs, decoderMs, !computed.get()),
                masks.best(), candidates);
        results.put(new SegmentResults.Stored(result, masks, owner));
        return result;
    }

    /** A decoder answer for an evaluation: logits at the image size, low-res logits to refine from, the image size. */
    record Prediction(float[] logits, float[] lowRes, int width, int height) {
    }

    /**
     * Runs prompts already in image pixels, unchecked, on the workers (evaluations: no result is kept, no account
     * owns it); {@code previousLowRes} refines an earlier prediction of the same image and model. Throws
     * {@link SegmentationBusyException} when the workers are full.
     */
    Prediction predict(long imageId, String modelName, double @Nullable [] box, double[] coords, float[] labels,
                       float @Nullable [] previousLowRes) {
        return onWorker(() -> {
            PromptModel model = models.get(modelName);
            Embedding embedding = embedding(model, imageId, new AtomicBoolean());
            ModelPrompt prompt = ModelPrompt.ofPixels(box, coords, labels, embedding.width(), embedding.height(),
                    model.profile());
            PromptModel.Decoded decoded = model.decode(embedding.values(), prompt.coords(), prompt.labels(),
                    previousLowRes, embedding.width(), embedding.height());
            return new Prediction(decoded.logits(), decoded.lowRes(), embedding.width(), embedding.height());
        });
    }

    /** From memory, else from disk, else computed (and then kept in both); {@code computed} says which. */
    private Embedding embedding(PromptModel model, long imageId, AtomicBoolean computed) {
        String name = model.profile().name();
        return embeddings.get(new EmbeddingKey(name, imageId), key -> store.get(name, imageId)
                .map(stored -> new Embedding(stored.values(), stored.width(), stored.height()))
                .orElseGet(() -> {
                    computed.set(true);
                    Embedding fresh = embed(model, imageId);
                    store.put(name, imageId, new EmbeddingStore.Stored(fresh.values(), fresh.width(), fresh.height()));
                    return fresh;
                }));
    }

    /**
     * Makes sure an image's embedding is stored (memory, and disk when enabled), through the same workers as
     * prompts; returns whether the encoder had to run. Throws {@link SegmentationBusyException} when they are full.
     */
    public boolean precompute(String modelName, long imageId) {
        PromptModel model = models.get(modelName);
        return onWorker(() -> {
            AtomicBoolean computed = new AtomicBoolean();
            embedding(model, imageId, computed);
            return computed.get();
        });
    }

    private Embedding embed(PromptModel model, long imageId) {
        StoredBytes bytes = media.image(imageId)
                .orElseThrow(() -> new InvalidPromptException("imageId", "no image with id " + imageId));
        try {
            BufferedImage image = ImageInput.decode(bytes.bytes());
            return new Embedding(model.encode(ImageInput.tensor(image, model.profile())), image.getWidth(),
                    image.getHeight());
        } catch (IOException e) {
            throw new MediaService.UnreadableFileException("image " + imageId + ": " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("the encoder of model '" + model.profile().name() + "' failed: "
                    + e.getMessage(), e);
        }
    }

    /** The low-res logits to refine from: the previous result's chosen candidate, or the one the request names. */
    private float @Nullable [] previous(SegmentRequest request, String modelName, @Nullable String owner) {
        if (request.previous() == null) {
            if (request.previousCandidate() != null) {
                throw new InvalidPromptException("previousCandidate", "needs 'previous', the result it belongs to");
            }
            return null;
        }
        // someone else's result is refused as if it did not exist: its id tells nothing
        SegmentResults.Stored stored = results.owned(request.previous(), owner)
                .orElseThrow(() -> new InvalidPromptException("previous", "no result with id '" + request.previous()
                        + "' (results are kept 30 minutes after their last use)"));
        if (stored.result().imageId() != request.imageId() || !stored.result().model().equals(modelName)) {
            throw new InvalidPromptException("previous", "result " + request.previous() + " is of image "
                    + stored.result().imageId() + " with model " + stored.result().model() + ", not of this request's");
        }
        int candidate = request.previousCandidate() == null ? stored.result().candidate() : request.previousCandidate();
        if (candidate < 0 || candidate >= stored.masks().count()) {
            throw new InvalidPromptException("previousCandidate", "result " + request.previous() + " has "
                    + stored.masks().count() + " candidate mask(s), numbered from 0; " + candidate + " is none of them");
        }
        return stored.masks().lowRes().get(candidate);
    }

    private @Nullable BinaryMask groundTruth(SegmentRequest request) throws IOException {
        Long maskId = request.groundTruthMaskId();
        if (maskId == null) {
            return null;
        }
        MaskRecord mask = catalog.mask(maskId)
                .orElseThrow(() -> new InvalidPromptException("groundTruthMaskId", "no mask with id " + maskId));
        if (mask.imageId() != request.imageId()) {
            throw new InvalidPromptException("groundTruthMaskId", "mask " + maskId + " belongs to image "
                    + mask.imageId() + ", not " + request.imageId());
        }
        StoredBytes bytes = media.mask(maskId).orElseThrow();
        return BinaryMask.ofImage(ImageInput.decode(bytes.bytes()));
    }

    @PreDestroy
    void close() {
        workers.shutdownNow();
    }
}
