package org.samed2d.explorer.export;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One archive entry as planned: its name, sizes, method and CRC-32, and where its bytes come from.
 *
 * @param size the entry's size once extracted
 * @param storedSize the length of its data in the archive: {@code size} for a STORED entry, the compressed length
 *                   for a DEFLATED one
 * @param method the ZIP method it is declared with: 0 stored, 8 deflated
 * @param crc the CRC-32 of the extracted bytes; {@link #PENDING} while the plan still has to read the file for it
 * @param kind {@code raw} (a catalogued file whose bytes are copied as its source stores them), {@code file} (a
 *             generated file in the export folder) or {@code stored} (plans made before raw copies: a catalogued
 *             file's extracted bytes, STORED)
 * @param ref where a catalogued file is ({@link StoredFileRef}), or the generated file's name in the export folder
 */
record PlannedEntry(String name, long size, long storedSize, int method, long crc, String kind, String ref) {

    static final long PENDING = -1;
    static final int STORED = 0;
    static final int DEFLATED = 8;

    /** A STORED entry: a generated file, or a file copied as it is. */
    static PlannedEntry stored(String name, long size, long crc, String kind, String ref) {
        return new PlannedEntry(name, size, size, STORED, crc, kind, ref);
    }

    boolean pending() {
        return crc == PENDING;
    }

    /** The data read for this entry, refused when it is not as long as the plan says. */
    ByteBuffer asPlanned(ByteBuffer data) throws IOException {
        if (data.remaining() != storedSize) {
            throw new IOException(name + " has " + data.remaining() + " bytes, the plan " + storedSize);
        }
        return data;
    }

    PlannedEntry withCrc(long value) {
        return new PlannedEntry(name, size, storedSize, method, value, kind, ref);
    }

    String line() {
        String crcField = pending() ? "-" : Long.toString(crc);
        return kind.equals("raw")
                ? kind + "\t" + ref + "\t" + size + "\t" + crcField + "\t" + method + "\t" + storedSize + "\t" + name
                : kind + "\t" + ref + "\t" + size + "\t" + crcField + "\t" + name;
    }

    /** Reads a line of {@code plan.tsv}, of this version or of one before raw copies (no method, STORED). */
    static PlannedEntry parse(String line) {
        boolean raw = line.startsWith("raw\t");
        String[] parts = line.split("\t", raw ? 7 : 5);
        long size = Long.parseLong(parts[2]);
        long crc = parts[3].equals("-") ? PENDING : Long.parseLong(parts[3]);
        return raw
                ? new PlannedEntry(parts[6], size, Long.parseLong(parts[5]), Integer.parseInt(parts[4]), crc, parts[0],
                        parts[1])
                : stored(parts[4], size, crc, parts[0], parts[1]);
    }
}
