package org.samed2d.explorer.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * ONNX graphs with exactly SAM-Med2D's exported interface (256 input, 16x16 embeddings, 64x64 mask input, four
 * candidate masks) and random weights: what a user's SAM-Med2D export looks like to the portal, for tests.
 */
public final class SamMed2dShapedModel {

    private SamMed2dShapedModel() {
    }

    /** Writes {@code encoder.onnx} and {@code decoder.onnx} into {@code folder}. */
    public static void writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve("encoder.onnx"), encoder(256));
            Files.write(folder.resolve("decoder.onnx"), decoder(16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** input_image [1,3,S,S] -> average pool to S/16 -> 1x1 conv to 256 channels. */
    static byte[] encoder(int side) {
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
    static byte[] decoder(int grid) {
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
