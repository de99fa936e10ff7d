package org.samed2d.explorer.segment;

/**
 * A prompt model's shape: its name, encoder input side, and preprocessing.
 *
 * @param embeddingSide the side of the encoder's output grid (input side / 16)
 * @param maskInputSide the side of the decoder's {@code mask_input} (embedding side * 4)
 */
record ModelProfile(String name, int inputSize, Preprocessing preprocessing) {

    int embeddingSide() {
        return inputSize / 16;
    }

    int maskInputSide() {
        return embeddingSide() * 4;
    }

    /** SAM-Med2D refines from sigmoid(previous low-res logits); SAM from the logits themselves. */
    boolean refinesFromProbabilities() {
        return preprocessing == Preprocessing.STRETCH;
    }
}
