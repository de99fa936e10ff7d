package org.samed2d.explorer.ingest.json;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * {@code SAMed2D_v1_class_mapping_id.json}: class name to 4-digit id, either flat ({@code {"liver": "0003"}}) or keyed
 * by dataset ({@code {"AMOS2022": {"liver": "0003"}}}); both shapes may even be mixed. Ids are per dataset, so a
 * dataset's own entry wins over a flat one.
 */
public final class ClassMapping {

    private final Map<String, Map<String, String>> namesByDataset;
    private final Map<String, String> flatNames;

    private ClassMapping(Map<String, Map<String, String>> namesByDataset, Map<String, String> flatNames) {
        this.namesByDataset = namesByDataset;
        this.flatNames = flatNames;
    }

    /** The class name for a dataset's class id, if the mapping has one. */
    public Optional<String> nameOf(String dataset, String classId) {
        Map<String, String> own = namesByDataset.get(dataset);
        if (own != null && own.containsKey(classId)) {
            return Optional.of(own.get(classId));
        }
        return Optional.ofNullable(flatNames.get(classId));
    }

    public int size() {
        return flatNames.size() + namesByDataset.values().stream().mapToInt(Map::size).sum();
    }

    /** Parses the mapping; the message of a {@link MalformedReleaseJsonException} names the file and the fault. */
    public static ClassMapping parse(InputStream in, String fileName) throws MalformedReleaseJsonException {
        Map<String, Map<String, String>> byDataset = new HashMap<>();
        Map<String, String> flat = new HashMap<>();
        try (JsonParser parser = JsonLimits.factory().createParser(in)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT, fileName, "the top level");
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    Map<String, String> names = byDataset.computeIfAbsent(key, k -> new HashMap<>());
                    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                        String className = parser.currentName();
                        parser.nextToken();
                        names.putIfAbsent(classId(parser, fileName, key + "." + className), className);
                    }
                } else {
                    flat.putIfAbsent(classId(parser, fileName, key), key);
                }
            }
        } catch (JacksonException e) {
            throw new MalformedReleaseJsonException(fileName + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        return new ClassMapping(byDataset, flat);
    }

    private static String classId(JsonParser parser, String fileName, String field) throws MalformedReleaseJsonException {
        String text = switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> String.valueOf(parser.getIntValue());
            default -> throw new MalformedReleaseJsonException(
                    fileName + ": '" + field + "' must be a class id such as \"0003\", found " + parser.currentToken());
        };
        if (!text.matches("\\d{1,4}")) {
            throw new MalformedReleaseJsonException(fileName + ": '" + field + "' has class id '" + text
                    + "', expected up to 4 digits");
        }
        return "%04d".formatted(Integer.parseInt(text));
    }

    private static void expect(JsonToken actual, JsonToken expected, String fileName, String where)
            throws MalformedReleaseJsonException {
        if (actual != expected) {
            throw new MalformedReleaseJsonException(fileName + ": " + where + " must be a JSON object, found " + actual);
        }
    }
}
