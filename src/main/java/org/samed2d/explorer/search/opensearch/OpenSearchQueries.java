package org.samed2d.explorer.search.opensearch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.ChildScoreMode;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.engine.TextTokens;

/**
 * A {@link MaskFilter} as OpenSearch queries: on mask documents, whole or in the parts facet counting runs apart,
 * and on image documents, where a nested query matches the images with at least one matching mask. Pure; the
 * bounds are those of the embedded engine's queries (inclusive, sizes clamped to ints).
 */
final class OpenSearchQueries {

    private static final String NESTED = OpenSearchDocuments.MASKS + ".";
    /** Filters naming more dimensions and sizes than this are matched to images by {@link #mixedOrNot}. */
    static final int MOST_PARTS_BY_WHAT_IS_MIXED = 4;

    /** Every part of the filter on mask documents. */
    Query masks(MaskFilter filter) {
        return and(clauses(filter, "", true, true, true));
    }

    /** The filters that are not dimensions (ranges with the area range, text): what cell counts are taken under. */
    Query nonDimensions(MaskFilter filter) {
        return and(clauses(filter, "", false, true, true));
    }

    /** Every filter but the area range: what the area histogram is counted under. */
    Query withoutArea(MaskFilter filter) {
        return and(clauses(filter, "", true, true, false));
    }

    /** Whether every part of the filter is a dimension: what the cells index's counts can answer. */
    static boolean dimensionsOnly(MaskFilter filter) {
        return filter.area().isAny() && filter.width().isAny() && filter.height().isAny()
                && filter.areaFraction().isAny() && filter.text() == null;
    }

    /**
     * The image documents with at least one mask that passes every part of the filter. An image document holds
     * once what all its masks share and nests the rest ({@link OpenSearchDocuments.ImageDocument}), so a dimension
     * or size is tested at the top where an image's masks share it and in its masks where they do not (the top then
     * names it under {@code mixed}). Images whose masks share every dimension and size the filter names are tested
     * on those once, and their masks only on the rest (a filter on a modality then reads one value per image, not
     * one per mask).
     */
    Query images(MaskFilter filter) {
        List<Held> held = held(filter);
        List<Query> perMask = new ArrayList<>();
        addPerMask(perMask, filter, NESTED);
        addRange(perMask, NESTED + OpenSearchDocuments.AREA, filter.area());
        if (held.isEmpty() && perMask.isEmpty()) {
            // every image document has its id and no nested one has; match_all would be wrapped in a filter that
            // skips the nested documents, which visits them all (twice as slow at 5M masks)
            return Query.of(q -> q.exists(e -> e.field(OpenSearchDocuments.IMAGE)));
        }
        if (held.isEmpty()) {
            return nested(perMask);
        }
        return held.size() <= MOST_PARTS_BY_WHAT_IS_MIXED ? byWhatIsMixed(held, perMask) : mixedOrNot(held, perMask);
    }

    /**
     * One branch for each set of the filter's held parts an image can have mixed: the other parts are tested at
     * the top, these in the masks, which hold them. A part is at the top exactly where it is not named under
     * {@code mixed}, so every image falls in one branch, and a branch's masks are tested only on what they hold
     * themselves (at 19.7M masks a modality and two regions took 150-240 ms instead of 400-640 ms, where the masks
     * of the images mixed in one part were tested on the other through {@code onImage} as well). A mixed dimension
     * is tested first on the values the image lists under {@code inMasks}; where it is the only part tested in the
     * masks, that answers for them, and the branch needs no nested query.
     */
    private static Query byWhatIsMixed(List<Held> held, List<Query> perMask) {
        // each part's three tests, built once for all the branches that use them
        int parts = held.size();
        Query[] onTheImage = new Query[parts];
        Query[] mixedOnTheImage = new Query[parts];
        Query[] inTheMasks = new Query[parts];
        for (int part = 0; part < parts; part++) {
            Held one = held.get(part);
            onTheImage[part] = one.at("");
            mixedOnTheImage[part] = one.inMasks() != null ? one.inMasks() : term(OpenSearchDocuments.MIXED, one.name());
            inTheMasks[part] = one.at(NESTED);
        }
        List<Query> branches = new ArrayList<>();
        for (int mixed = 0; mixed < 1 << parts; mixed++) {
            List<Query> atTop = new ArrayList<>();
            List<Query> inMasks = new ArrayList<>(perMask);
            // one mixed dimension and nothing else to test in the masks: the image's list answers for them
            boolean answeredByTheList = perMask.isEmpty() && Integer.bitCount(mixed) == 1;
            for (int part = 0; part < parts; part++) {
                if ((mixed & 1 << part) == 0) {
                    atTop.add(onTheImage[part]);
                } else {
                    atTop.add(mixedOnTheImage[part]);
                    inMasks.add(inTheMasks[part]);
                    answeredByTheList &= held.get(part).inMasks() != null;
                }
            }
            if (!inMasks.isEmpty() && !answeredByTheList) {
                atTop.add(nested(inMasks));
            }
            branches.add(and(atTop));
        }
        return Query.of(q -> q.bool(b -> b.should(branches).minimumShouldMatch("1")));
    }

    /**
     * For filters of many parts (a branch per set of them would be too many): the images that hold every part at
     * the top, or whose masks pass each part there or, where the image holds it, pass it on the image (each mask
     * says under {@code onImage} what the top holds for it).
     */
    private static Query mixedOrNot(List<Held> held, List<Query> perMask) {
        List<Query> shared = new ArrayList<>();
        held.forEach(part -> shared.add(part.at("")));
        if (!perMask.isEmpty()) {
            shared.add(nested(perMask));
        }
        // the images whose masks differ in at least one of them
        List<Query> mixed = new ArrayList<>();
        mixed.add(anyOf(OpenSearchDocuments.MIXED, new TreeSet<>(held.stream().map(Held::name).toList())));
        List<Query> inMasks = new ArrayList<>(perMask);
        for (Held part : held) {
            mixed.add(or(part.at(""), term(OpenSearchDocuments.MIXED, part.name())));
            inMasks.add(or(part.at(NESTED), Query.of(q -> q.wildcard(w -> w
                    .field(NESTED + OpenSearchDocuments.ON_IMAGE).value("*," + part.name() + ",*")))));
        }
        mixed.add(nested(inMasks));
        return and(List.of(or(and(shared), and(mixed))));
    }

    /**
     * A part of a filter on what an image document holds at the top where its masks share it.
     *
     * @param inMasks for a dimension, its values as an image document lists them under {@code inMasks} where its
     *                masks do not share it; null for a size
     */
    private record Held(String name, Function<String, Query> at, @Nullable Query inMasks) {

        Query at(String prefix) {
            return at.apply(prefix);
        }
    }

    private static List<Held> held(MaskFilter filter) {
        List<Held> held = new ArrayList<>();
        filter.values().forEach((dimension, values) -> held.add(new Held(dimension.parameter(),
                prefix -> anyOf(prefix + dimension.parameter(), values), anyOf(OpenSearchDocuments.IN_MASKS,
                        new TreeSet<>(values.stream().map(value -> OpenSearchDocuments.listed(dimension, value))
                                .toList())))));
        Bounds width = intBounds(filter.width());
        if (!width.isAny()) {
            held.add(new Held(OpenSearchDocuments.WIDTH,
                    prefix -> range(prefix + OpenSearchDocuments.WIDTH, width.min(), width.max()), null));
        }
        Bounds height = intBounds(filter.height());
        if (!height.isAny()) {
            held.add(new Held(OpenSearchDocuments.HEIGHT,
                    prefix -> range(prefix + OpenSearchDocuments.HEIGHT, height.min(), height.max()), null));
        }
        return held;
    }

    private static Query nested(List<Query> clauses) {
        return Query.of(q -> q.nested(n -> n.path(OpenSearchDocuments.MASKS).scoreMode(ChildScoreMode.None)
                .query(and(clauses))));
    }

    private static Query or(Query one, Query other) {
        return Query.of(q -> q.bool(b -> b.should(one, other).minimumShouldMatch("1")));
    }

    /** Both queries and a range of image ids, inclusive. */
    static Query and(Query query, String field, @Nullable Long min, @Nullable Long max) {
        return and(List.of(query, range(field, min, max)));
    }

    private static Query and(List<Query> clauses) {
        if (clauses.isEmpty()) {
            return Query.of(q -> q.matchAll(all -> all));
        }
        return Query.of(q -> q.bool(b -> b.filter(clauses)));
    }

    private static List<Query> clauses(MaskFilter filter, String prefix, boolean dimensions, boolean others,
                                       boolean area) {
        List<Query> clauses = new ArrayList<>();
        if (dimensions) {
            filter.values().forEach((dimension, values) -> clauses.add(anyOf(prefix + dimension.parameter(), values)));
        }
        if (others) {
            addRange(clauses, prefix + OpenSearchDocuments.WIDTH, intBounds(filter.width()));
            addRange(clauses, prefix + OpenSearchDocuments.HEIGHT, intBounds(filter.height()));
            addPerMask(clauses, filter, prefix);
        }
        if (area) {
            addRange(clauses, prefix + OpenSearchDocuments.AREA, filter.area());
        }
        return clauses;
    }

    /** The area fraction's range and the query words: parts an image document tests in its masks alone. */
    private static void addPerMask(List<Query> clauses, MaskFilter filter, String prefix) {
        MaskFilter.FractionBounds fraction = filter.areaFraction();
        if (!fraction.isAny()) {
            clauses.add(Query.of(q -> q.range(r -> r.field(prefix + OpenSearchDocuments.AREA_FRACTION)
                    .gte(fraction.min() == null ? null : JsonData.of(fraction.min()))
                    .lte(fraction.max() == null ? null : JsonData.of(fraction.max())))));
        }
        String text = filter.text();
        if (text != null) {
            for (String token : TextTokens.ofQuery(text)) {
                clauses.add(word(prefix, token));
            }
        }
    }

    /**
     * One query word: in the names, or naming the modality (as {@link TextTokens#matchesModality} says), the same
     * clauses as the embedded engine's. Words hold only letters and digits, so the wildcard patterns are literal.
     */
    private static Query word(String prefix, String token) {
        String modality = prefix + FacetDimension.MODALITY.parameter();
        List<Query> any = new ArrayList<>();
        any.add(term(prefix + OpenSearchDocuments.TEXT, token));
        any.add(term(modality, TextTokens.modalityOf(token)));
        if (!token.equals(FacetDimension.NO_SUBMODALITY)) {
            any.add(term(prefix + FacetDimension.SUBMODALITY.parameter(), token));
        }
        if (token.length() >= TextTokens.MODALITY_WORD_MIN_LENGTH) {
            any.add(Query.of(q -> q.wildcard(w -> w.field(modality).value(token + "_*"))));
            any.add(Query.of(q -> q.wildcard(w -> w.field(modality).value("*_" + token))));
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static Query anyOf(String field, Set<String> values) {
        if (values.size() == 1) {
            return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(values.iterator().next()))));
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(terms))));
    }

    private static void addRange(List<Query> clauses, String field, Bounds bounds) {
        if (!bounds.isAny()) {
            clauses.add(range(field, bounds.min(), bounds.max()));
        }
    }

    private static Query range(String field, @Nullable Long min, @Nullable Long max) {
        return Query.of(q -> q.range(r -> r.field(field).gte(min == null ? null : JsonData.of(min))
                .lte(max == null ? null : JsonData.of(max))));
    }

    /** Sizes are ints in both engines: a bound beyond an int is clamped as the embedded engine clamps it. */
    private static Bounds intBounds(Bounds bounds) {
        return new Bounds(bounds.min() == null ? null : Math.min(Integer.MAX_VALUE, bounds.min()),
                bounds.max() == null ? null : Math.min(Integer.MAX_VALUE, bounds.max()));
    }
}
