package org.samed2d.explorer.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.io.input.BoundedInputStream;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileLocation.ArchiveEntry;
import org.samed2d.explorer.catalog.FileSource;

/**
 * A release inside a ZIP archive, plain or split ({@code X.zip} with {@code X.z01 ...} beside it), read in place:
 * one seek per file to the entry's local header, no joining, no unzipping, no temporary copy.
 */
final class ArchiveSource implements ReleaseSource {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    /** Larger than any file of the release (its largest PNGs are a few MB). */
    static final long MAX_ENTRY_BYTES = 512L << 20;
    /** DEFLATE cannot expand data by more than about 1032:1. */
    private static final long MAX_DEFLATE_RATIO = 1100;

    private final Path zip;
    private final SpannedFile file;
    private final ArchiveIndex index;
    private final String prefix;

    ArchiveSource(Path zip, SpannedFile file, ArchiveIndex index, String prefix) {
        this.zip = zip.toAbsolutePath().normalize();
        this.file = file;
        this.index = index;
        this.prefix = prefix;
    }

    @Override
    public String location() {
        return zip.toString();
    }

    @Override
    public FileSource.Kind kind() {
        return FileSource.Kind.ZIP;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    int entryCount() {
        return index.size();
    }

    @Override
    public Optional<FileLocation> find(String releasePath) {
        if (!ReleaseSource.isSafe(releasePath)) {
            return Optional.empty();
        }
        return Optional.ofNullable(index.find(prefix + releasePath));
    }

    @Override
    public byte[] read(String releasePath, FileLocation location) throws IOException {
        return extract(releasePath, location);
    }

    @Override
    public byte[] stored(String releasePath, FileLocation location) throws IOException {
        ArchiveEntry entry = entryOf(releasePath, location);
        checkDeclaredSize(releasePath, entry, location.byteSize());
        return StoredEntry.read(file, prefix + releasePath, location, () -> releasePath + " in " + zip);
    }

    /** Entries within this stretch of the archive are read in one call; a run spread wider is read entry by entry. */
    private static final int MAX_BLOCK = 8 << 20;

    @Override
    public java.util.List<ByteBuffer> stored(java.util.List<String> releasePaths,
                                             java.util.List<FileLocation> locations) throws IOException {
        long start = Long.MAX_VALUE;
        long end = 0;
        for (int i = 0; i < releasePaths.size(); i++) {
            ArchiveEntry entry = entryOf(releasePaths.get(i), locations.get(i));
            checkDeclaredSize(releasePaths.get(i), entry, locations.get(i).byteSize());
            start = Math.min(start, entry.offset());
            end = Math.max(end, entry.offset() + StoredEntry.span(prefix + releasePaths.get(i), entry));
        }
        end = Math.min(end, file.size());
        Positional from = start < end && end - start <= MAX_BLOCK ? Positional.block(file, start, (int) (end - start))
                : file;
        java.util.List<ByteBuffer> all = new java.util.ArrayList<>(releasePaths.size());
        for (int i = 0; i < releasePaths.size(); i++) {
            String releasePath = releasePaths.get(i);
            all.add(StoredEntry.view(from, prefix + releasePath, locations.get(i), () -> releasePath + " in " + zip));
        }
        return all;
    }

    @Override
    public InputStream stream(String releasePath, FileLocation location) throws IOException {
        ArchiveEntry entry = entryOf(releasePath, location);
        checkDeclaredSize(releasePath, entry, location.byteSize());
        long dataStart = dataStart(releasePath, entry);
        InputStream raw = new SpannedInputStream(file, dataStart, entry.storedSize());
        InputStream data = switch (entry.method()) {
            case STORED -> raw;
            // small entries (most PNGs of the release) get a buffer their size, not 64 KB each
            case DEFLATED -> new InflatingStream(raw, (int) Math.clamp(entry.storedSize(), 512, 1 << 16));
            default -> throw unsupported(releasePath, entry);
        };
        // an entry that inflates to more than it declares is cut at its declared size
        return BoundedInputStream.builder().setInputStream(data).setMaxCount(location.byteSize()).get();
    }

    @Override
    public Optional<InputStream> open(String releasePath) throws IOException {
        Optional<FileLocation> location = find(releasePath);
        return location.isEmpty() ? Optional.empty() : Optional.of(stream(releasePath, location.get()));
    }

    @Override
    public long sizeOf(String releasePath) throws IOException {
        return find(releasePath).map(FileLocation::byteSize)
                .orElseThrow(() -> new IOException(releasePath + ": not in archive " + zip));
    }

    /**
     * Refuses, before anything is allocated, an entry whose declared size is implausible: larger than any release
     * file, or more than DEFLATE can expand its stored bytes to (a zip bomb or a lying header).
     */
    private void checkDeclaredSize(String releasePath, ArchiveEntry entry, long declared) throws IOException {
        if (declared > MAX_ENTRY_BYTES) {
            throw new UnsafeEntryException(releasePath + ": the archive declares " + declared + " bytes for it, more than the "
                    + MAX_ENTRY_BYTES + " a release file may have");
        }
        long possible = entry.method() == STORED ? entry.storedSize() : entry.storedSize() * MAX_DEFLATE_RATIO + 1024;
        if (declared > possible) {
            throw new UnsafeEntryException(releasePath + ": the archive declares " + declared + " bytes for it from "
                    + entry.storedSize() + " stored bytes, which cannot be true");
        }
    }

    private byte[] extract(String releasePath, FileLocation location) throws IOException {
        ArchiveEntry entry = entryOf(releasePath, location);
        checkDeclaredSize(releasePath, entry, location.byteSize());
        long dataStart = dataStart(releasePath, entry);
        int want = (int) location.byteSize();
        if (entry.method() == STORED) {
            return file.read(dataStart, want);
        }
        if (entry.method() != DEFLATED) {
            throw unsupported(releasePath, entry);
        }
        if (entry.storedSize() > Integer.MAX_VALUE - 16) {
            throw new IOException(releasePath + ": entry of " + entry.storedSize() + " bytes is too large to read whole");
        }
        byte[] compressed = file.read(dataStart, (int) entry.storedSize());
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(compressed);
            byte[] out = new byte[want];
            int filled = 0;
            while (filled < want && !inflater.finished()) {
                int n = inflater.inflate(out, filled, want - filled);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled < want) {
                throw new IOException(releasePath + ": compressed data ends after " + filled + " of " + want + " bytes");
            }
            return out;
        } catch (DataFormatException e) {
            throw new IOException(releasePath + ": damaged compressed data in " + zip.getFileName(), e);
        } finally {
            inflater.end();
        }
    }

    private ArchiveEntry entryOf(String releasePath, FileLocation location) throws IOException {
        @Nullable ArchiveEntry entry = location.entry();
        if (entry == null) {
            throw new IOException(releasePath + ": no archive entry recorded for a file of " + zip);
        }
        return entry;
    }

    /** Reads the local header, checks that it names the expected file, and returns where the data starts. */
    private long dataStart(String releasePath, ArchiveEntry entry) throws IOException {
        ByteBuffer header = ByteBuffer.wrap(file.read(entry.offset(), 30)).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != LOCAL_HEADER) {
            throw new IOException(releasePath + ": no local file header at offset " + entry.offset() + " of " + zip);
        }
        int nameLength = Short.toUnsignedInt(header.getShort(26));
        int extraLength = Short.toUnsignedInt(header.getShort(28));
        String name = new String(file.read(entry.offset() + 30, nameLength), StandardCharsets.UTF_8);
        if (!name.equals(prefix + releasePath)) {
            throw new IOException(releasePath + ": the archive entry at offset " + entry.offset() + " is '" + name + "'");
        }
        return entry.offset() + 30 + nameLength + extraLength;
    }

    private IOException unsupported(String releasePath, ArchiveEntry entry) {
        return new IOException(releasePath + ": unsupported ZIP compression method " + entry.method()
                + " (only stored and deflated are read)");
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /**
     * Inflates raw DEFLATE data and frees the inflater's native memory on close: InflaterInputStream leaves an
     * inflater it was given to the garbage collector, which at 4M images is native memory nobody bounds.
     */
    private static final class InflatingStream extends java.util.zip.InflaterInputStream {
        InflatingStream(InputStream raw, int bufferSize) {
            super(raw, new Inflater(true), bufferSize);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }

    /** A bounded sequential stream over part of a {@link SpannedFile}. */
    private static final class SpannedInputStream extends InputStream {
        private final SpannedFile file;
        private long position;
        private final long end;

        SpannedInputStream(SpannedFile file, long start, long length) {
            this.file = file;
            this.position = start;
            this.end = start + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = (int) Math.min(length, end - position);
            file.readFully(position, ByteBuffer.wrap(buffer, offset, n));
            position += n;
            return n;
        }
    }
}
