package org.samed2d.explorer.export;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/** The entries of a {@code plan.tsv} in order, read lazily, each with the offset of its local header in the archive. */
final class PlanEntries implements Iterator<PlanEntries.Located>, Closeable {

    record Located(PlannedEntry entry, long offset) {
    }

    private final BufferedReader lines;
    private @Nullable String nextLine;
    private long offset;

    private PlanEntries(BufferedReader lines) throws IOException {
        this.lines = lines;
        this.nextLine = lines.readLine();
    }

    static PlanEntries open(Path plan) throws IOException {
        return new PlanEntries(Files.newBufferedReader(plan, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The entries of a plan still being walked, each as soon as its line is whole; ends once the walk is done. */
    static PlanEntries following(Path plan, java.util.function.BooleanSupplier walked) throws IOException {
        return new PlanEntries(new BufferedReader(new java.io.InputStreamReader(new GrowingFile(plan, walked),
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public boolean hasNext() {
        return nextLine != null;
    }

    @Override
    public Located next() {
        if (nextLine == null) {
            throw new NoSuchElementException();
        }
        PlannedEntry entry = PlannedEntry.parse(nextLine);
        Located located = new Located(entry, offset);
        offset += ZipLayout.localLength(entry);
        try {
            nextLine = lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return located;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
