package org.samed2d.explorer.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;

/** A JSON object written entry by entry as the walk goes, one entry per line, so memory stays flat. */
final class JsonObjectFile implements Closeable {

    private final BufferedWriter out;
    private boolean first = true;
    private boolean closed;

    JsonObjectFile(GeneratedFiles files, String file) throws IOException {
        this.out = files.open(file);
        out.write("{");
    }

    /** Adds {@code "key": value}, the value already JSON. */
    void put(String key, String valueJson) throws IOException {
        out.write(first ? "\n  " : ",\n  ");
        first = false;
        out.write(JsonText.quote(key));
        out.write(": ");
        out.write(valueJson);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try (out) {
                out.write("\n}\n");
            }
        }
    }
}
