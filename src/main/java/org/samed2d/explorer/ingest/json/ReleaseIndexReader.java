package org.samed2d.explorer.ingest.json;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Streams {@code SAMed2D_v1.json} ({@code {"images/x.png": ["masks/...", ...], ...}}) one image at a time, so the
 * 3.7M-key file of the release is never held whole. Entries of the wrong shape are reported and skipped.
 */
public final class ReleaseIndexReader {

    /** Receives each image entry, or a fault in one entry, in file order. */
    public interface Listener {
        void image(String imagePath, List<String> maskPaths, long bytesRead);

        void malformedEntry(String key, String reason);
    }

    private ReleaseIndexReader() {
    }

    /** Reads the whole index; fails only when the file as a whole is not a JSON object or is cut off. */
    public static void read(InputStream in, String fileName, Listener listener) throws MalformedReleaseJsonException {
        try (JsonParser parser = JsonLimits.factory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedReleaseJsonException(fileName + ": the top level must be a JSON object");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    listener.malformedEntry(key, "value must be a list of mask paths, found " + value);
                    continue;
                }
                List<String> masks = new ArrayList<>();
                String fault = null;
                for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                    if (item == JsonToken.VALUE_STRING) {
                        masks.add(parser.getString());
                    } else {
                        parser.skipChildren();
                        fault = "list item is " + item + ", expected a mask path string";
                    }
                }
                if (fault != null) {
                    listener.malformedEntry(key, fault);
                } else {
                    listener.image(key, masks, parser.currentLocation().getByteOffset());
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedReleaseJsonException(fileName + ": unexpected " + parser.currentToken());
            }
        } catch (JacksonException e) {
            throw new MalformedReleaseJsonException(fileName + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }
}
