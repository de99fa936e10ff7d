package org.samed2d.explorer.ingest.png;

/** A mask with a pixel that is neither background (0) nor foreground (255); the message names the pixel. */
public class NonBinaryMaskException extends Exception {

    public NonBinaryMaskException(String message) {
        super(message);
    }
}
