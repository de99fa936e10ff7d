package org.samed2d.explorer.ingest.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * The release's JSON files are flat: names mapping to lists of paths or to class ids. Anything nested deeper, or
 * a name or value far longer than a path, is hostile or broken, and is refused before it is buffered.
 */
final class JsonLimits {

    static final int MAX_DEPTH = 8;
    static final int MAX_STRING = 4096;

    private JsonLimits() {
    }

    static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNameLength(MAX_STRING)
                .maxNumberLength(64).build()).build();
    }
}
