package org.samed2d.explorer.catalog;

/**
 * Where a release lives: a folder (the one holding {@code SAMed2D_v1.json}) or a ZIP archive, whole or split
 * ({@code location} names the {@code .zip}; {@code prefix} is the release root inside it, ending in {@code /} or empty).
 */
public record FileSource(int id, String location, Kind kind, String prefix) {

    public enum Kind { FOLDER, ZIP }
}
