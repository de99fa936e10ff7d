package org.samed2d.explorer.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.samed2d.explorer.catalog.StoredFile;
import org.samed2d.explorer.media.MediaService;

/**
 * The bytes of an export's entries at download time: catalogued files through the media module, as their source
 * stores them, and generated files from the export folder. Copies that can be checked are: a STORED entry's bytes
 * must have the planned CRC-32 (the JDK's CRC32 runs at memory speed, so this costs nothing next to the read), and a
 * DEFLATED entry's local header must state it (checked where it is read).
 */
final class CataloguedFiles implements ArchiveStreamer.EntrySource {

    private final MediaService media;
    private final Path folder;

    CataloguedFiles(MediaService media, Path folder) {
        this.media = media;
        this.folder = folder;
    }

    @Override
    public List<ByteBuffer> read(List<PlannedEntry> run) {
        if (run.size() == 1) {
            return List.of(ByteBuffer.wrap(read(run.getFirst())));
        }
        // a run is archive entries of one source (PlanRuns), read together
        List<ByteBuffer> all = media.stored(run.stream().map(entry -> StoredFileRef.decode(entry.ref(), entry.crc()))
                .toList());
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).method() == PlannedEntry.STORED) {
                checked(run.get(i), all.get(i));
            }
        }
        return all;
    }

    @Override
    public void readInto(PlannedEntry entry, ByteBuffer into) {
        if (entry.kind().equals("stored")) {
            into.put(read(entry));
            return;
        }
        int start = into.position();
        media.storedInto(StoredFileRef.decode(entry.ref(), entry.crc()), into);
        if (entry.method() == PlannedEntry.STORED) {
            checked(entry, into.slice(start, into.position() - start));
        }
    }

    private byte[] read(PlannedEntry entry) {
        if (entry.kind().equals("stored")) {
            // a plan made before raw copies: the extracted bytes, STORED
            return checked(entry, media.read(StoredFileRef.decode(entry.ref())).bytes());
        }
        byte[] bytes = media.stored(StoredFileRef.decode(entry.ref(), entry.crc()));
        return entry.method() == PlannedEntry.STORED ? checked(entry, bytes) : bytes;
    }

    @Override
    public InputStream open(PlannedEntry entry) throws IOException {
        return Files.newInputStream(folder.resolve(entry.ref()));
    }

    @Override
    public java.nio.channels.ReadableByteChannel channel(PlannedEntry entry, long from) throws IOException {
        return java.nio.channels.FileChannel.open(folder.resolve(entry.ref())).position(from);
    }

    /** The CRC-32 of a catalogued file's extracted bytes, read for it (a folder file, an entry without one). */
    long crc(PlannedEntry entry) {
        StoredFile file = StoredFileRef.decode(entry.ref());
        // a folder file is stored as it is; an archive entry is inflated when it is DEFLATED
        byte[] bytes = file.location().entry() == null ? media.stored(file) : media.read(file).bytes();
        if (bytes.length != entry.size()) {
            throw changed(entry, file, "it is now " + bytes.length + " bytes, the catalog recorded " + entry.size());
        }
        return crc(bytes);
    }

    private static byte[] checked(PlannedEntry entry, byte[] bytes) {
        checked(entry, ByteBuffer.wrap(bytes));
        return bytes;
    }

    private static void checked(PlannedEntry entry, ByteBuffer bytes) {
        long crc = crc(bytes);
        if (bytes.remaining() != entry.size() || crc != entry.crc()) {
            throw changed(entry, StoredFileRef.decode(entry.ref()), "its CRC-32 is now %08x over %d bytes; the export declares %08x over %d"
                    .formatted(crc, bytes.remaining(), entry.crc(), entry.size()));
        }
    }

    private static long crc(byte[] bytes) {
        return crc(ByteBuffer.wrap(bytes));
    }

    private static long crc(ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        return crc.getValue();
    }

    private static MediaService.UnreadableFileException changed(PlannedEntry entry, StoredFile file, String detail) {
        return new MediaService.UnreadableFileException(file.releasePath() + " in " + file.source().location()
                + " changed after it was ingested (" + detail + "): the archive cannot hold it as planned",
                new IOException(entry.name()));
    }
}
