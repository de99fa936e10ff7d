package org.samed2d.explorer.release;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileSource;

/**
 * An SA-Med2D release as the user holds it: a folder, a ZIP, or a split ZIP, read in place. Release paths are
 * relative to the release root ({@code images/x.png}, {@code SAMed2D_v1.json}).
 */
public interface ReleaseSource extends AutoCloseable {

    String IMAGE_INDEX = "SAMed2D_v1.json";
    String CLASS_MAPPING = "SAMed2D_v1_class_mapping_id.json";

    /** The absolute location of the folder or the {@code .zip}. */
    String location();

    FileSource.Kind kind();

    /** The release root inside an archive ({@code ""} or ending in {@code /}); always {@code ""} for folders. */
    String prefix();

    /** Where a file is, if the release has it; paths that leave the release root are never found. */
    Optional<FileLocation> find(String releasePath) throws IOException;

    /** The file's whole content. */
    byte[] read(String releasePath, FileLocation location) throws IOException;

    /**
     * The file's bytes as its source stores them, for copying into another archive as they are: a folder file's
     * content, an archive entry's data (compressed for a DEFLATED entry, never inflated). Throws
     * {@link ArchiveChangedException} when the source no longer holds what {@code location} says: another size, or
     * an archive entry whose local header names another file or states another method, CRC or size.
     */
    byte[] stored(String releasePath, FileLocation location) throws IOException;

    /** {@link #stored}, put into {@code into} at its position, which it advances past them. */
    default void storedInto(String releasePath, FileLocation location, java.nio.ByteBuffer into) throws IOException {
        into.put(stored(releasePath, location));
    }

    /**
     * {@link #stored} of several files at once, in order, each as a buffer (views of one block read for them all, not
     * copies, where the source reads them together). An archive reads entries that lie close together in one
     * call (a run of a sa-med2d export's entries is mostly one sequential stretch of the source), a folder one file
     * after the other.
     */
    default java.util.List<java.nio.ByteBuffer> stored(java.util.List<String> releasePaths,
                                                       java.util.List<FileLocation> locations) throws IOException {
        java.util.List<java.nio.ByteBuffer> all = new java.util.ArrayList<>(releasePaths.size());
        for (int i = 0; i < releasePaths.size(); i++) {
            all.add(java.nio.ByteBuffer.wrap(stored(releasePaths.get(i), locations.get(i))));
        }
        return all;
    }

    /**
     * The file's content as a stream, read in place and never held whole (for checking a file's structure); cut at
     * the recorded size for an archive entry.
     */
    InputStream stream(String releasePath, FileLocation location) throws IOException;

    /** A stream over a file (for the large JSON index), or empty when the release lacks it. */
    Optional<InputStream> open(String releasePath) throws IOException;

    /** Bytes of a file so far consumed by {@link #open} streams are measured by the caller; this is the file size. */
    long sizeOf(String releasePath) throws IOException;

    @Override
    void close() throws IOException;

    /** A release path that stays inside the root: relative, no {@code ..} segment, no backslash, no empty segment. */
    static boolean isSafe(String releasePath) {
        if (releasePath.isEmpty() || releasePath.startsWith("/") || releasePath.contains("\\")
                || releasePath.contains("\0") || (releasePath.length() > 1 && releasePath.charAt(1) == ':')) {
            return false;
        }
        for (String segment : releasePath.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }
}
