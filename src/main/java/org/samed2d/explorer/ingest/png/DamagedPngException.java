package org.samed2d.explorer.ingest.png;

/**
 * A file that starts as a PNG but is not whole: cut short before IEND, or a chunk that fails its CRC. Usually an
 * interrupted copy, unzip or rejoin of the release; the message says where the file breaks.
 */
public class DamagedPngException extends UnreadablePngException {

    public DamagedPngException(String message) {
        super(message);
    }
}
