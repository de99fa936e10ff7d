package org.samed2d.explorer.search;

import java.util.List;
import java.util.Set;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.MaskFilter.Bounds;

/** A {@link MaskFilter} as Lucene queries, whole or in the parts facet counting runs separately. */
final class LuceneQueries {

    /** Every part of the filter; matches all documents when the filter is empty. */
    Query all(MaskFilter filter) {
        Query query = and(and(dimensionsOrNull(filter), nonDimensionFilters(filter.withoutArea())), area(filter.area()));
        return query == null ? new MatchAllDocsQuery() : query;
    }

    Query dimensions(MaskFilter filter) {
        Query query = dimensionsOrNull(filter);
        return query == null ? new MatchAllDocsQuery() : query;
    }

    private @Nullable Query dimensionsOrNull(MaskFilter filter) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        filter.values().forEach((dimension, values) -> builder.add(anyOf(dimension.parameter(), values),
                BooleanClause.Occur.FILTER));
        return filter.values().isEmpty() ? null : builder.build();
    }

    /** Size, fraction and text filters; null when there are none. The area range is left to {@link #area}. */
    @Nullable Query nonDimensionFilters(MaskFilter filter) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (Query range : new Query[] {
                intRange(MaskDocuments.WIDTH, filter.width()), intRange(MaskDocuments.HEIGHT, filter.height()),
                fractionRange(filter.areaFraction())}) {
            if (range != null) {
                builder.add(range, BooleanClause.Occur.FILTER);
                clauses++;
            }
        }
        String text = filter.text();
        if (text != null) {
            for (String token : TextTokens.ofQuery(text)) {
                builder.add(word(token), BooleanClause.Occur.FILTER);
                clauses++;
            }
        }
        return clauses == 0 ? null : builder.build();
    }

    /** One query word: in the names, or naming the modality (as {@link TextTokens#matchesModality} says). */
    private static Query word(String token) {
        String modality = FacetDimension.MODALITY.parameter();
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(MaskDocuments.TEXT, token)), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(modality, TextTokens.modalityOf(token))), BooleanClause.Occur.SHOULD);
        if (!token.equals(FacetDimension.NO_SUBMODALITY)) {
            any.add(new TermQuery(new Term(FacetDimension.SUBMODALITY.parameter(), token)), BooleanClause.Occur.SHOULD);
        }
        if (token.length() >= 3) {
            // the modality field holds a dozen terms, so these patterns cost nothing to expand
            any.add(new WildcardQuery(new Term(modality, token + "_*")), BooleanClause.Occur.SHOULD)
                    .add(new WildcardQuery(new Term(modality, "*_" + token)), BooleanClause.Occur.SHOULD);
        }
        return new ConstantScoreQuery(any.build());
    }

    @Nullable Query area(Bounds bounds) {
        if (bounds.isAny()) {
            return null;
        }
        return LongField.newRangeQuery(MaskDocuments.AREA, bounds.min() == null ? Long.MIN_VALUE : bounds.min(),
                bounds.max() == null ? Long.MAX_VALUE : bounds.max());
    }

    @Nullable Query and(@Nullable Query first, @Nullable Query second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return new BooleanQuery.Builder().add(first, BooleanClause.Occur.FILTER)
                .add(second, BooleanClause.Occur.FILTER).build();
    }

    private static Query anyOf(String field, Set<String> values) {
        if (values.size() == 1) {
            return new ConstantScoreQuery(new TermQuery(new Term(field, values.iterator().next())));
        }
        List<BytesRef> terms = values.stream().map(BytesRef::new).toList();
        return new TermInSetQuery(field, terms);
    }

    private static @Nullable Query intRange(String field, Bounds bounds) {
        if (bounds.isAny()) {
            return null;
        }
        return IntField.newRangeQuery(field, clamp(bounds.min(), Integer.MIN_VALUE), clamp(bounds.max(), Integer.MAX_VALUE));
    }

    private static int clamp(@Nullable Long value, int open) {
        return value == null ? open : (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static @Nullable Query fractionRange(MaskFilter.FractionBounds bounds) {
        if (bounds.isAny()) {
            return null;
        }
        return DoubleField.newRangeQuery(MaskDocuments.AREA_FRACTION,
                bounds.min() == null ? Double.NEGATIVE_INFINITY : bounds.min(),
                bounds.max() == null ? Double.POSITIVE_INFINITY : bounds.max());
    }
}
