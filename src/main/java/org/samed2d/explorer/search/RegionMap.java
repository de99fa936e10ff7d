package org.samed2d.explorer.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The body region of a class name (head_neck, thorax, abdomen, pelvis, lesion, other), from the curated rules in
 * {@code search/regions.tsv}, which ship with the app.
 */
public final class RegionMap {

    public static final List<String> REGIONS = List.of("head_neck", "thorax", "abdomen", "pelvis", "lesion", "other");
    private static final String RESOURCE = "/search/regions.tsv";

    private record Rule(String region, Pattern pattern) {
    }

    private final List<Rule> rules;
    private final Map<String, String> byName = new ConcurrentHashMap<>();

    private RegionMap(List<Rule> rules) {
        this.rules = rules;
    }

    /** The rules that ship with the app. */
    public static RegionMap bundled() {
        try (InputStream in = RegionMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RegionMap parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            if (parts.length != 2 || !REGIONS.contains(parts[0])) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": expected a region of " + REGIONS
                        + ", a tab and a pattern");
            }
            try {
                rules.add(new Rule(parts[0], Pattern.compile(parts[1])));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + (i + 1) + ": " + e.getDescription(), e);
            }
        }
        return new RegionMap(List.copyOf(rules));
    }

    public String regionOf(String className) {
        return byName.computeIfAbsent(className, name -> {
            // underscores become spaces so that \b marks the start of each part of a name
            String text = name.toLowerCase(Locale.ROOT).replace('_', ' ');
            for (Rule rule : rules) {
                if (rule.pattern().matcher(text).find()) {
                    return rule.region();
                }
            }
            return "other";
        });
    }
}
