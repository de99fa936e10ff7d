package org.samed2d.explorer.export;

/**
 * One archive entry as planned: its name, size and CRC-32, and where its bytes come from.
 *
 * @param kind {@code stored} (original bytes of a catalogued file) or {@code file} (a generated file)
 * @param ref where a stored file is ({@link StoredFileRef}), or the generated file's name in the export folder
 */
record PlannedEntry(String name, long size, long crc, String kind, String ref) {

    String line() {
        return kind + "\t" + ref + "\t" + size + "\t" + crc + "\t" + name;
    }

    static PlannedEntry parse(String line) {
        String[] parts = line.split("\t", 5);
        return new PlannedEntry(parts[4], Long.parseLong(parts[2]), Long.parseLong(parts[3]), parts[0], parts[1]);
    }
}
