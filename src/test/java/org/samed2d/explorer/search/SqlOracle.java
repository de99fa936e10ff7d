package org.samed2d.explorer.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same questions the search engine answers, asked of PostgreSQL directly with plain SQL: the reference the
 * engine's counts, facets and pages are checked against.
 */
final class SqlOracle {

    private static final String FROM = """
             from mask m join image i on i.id = m.image_id join label l on l.id = m.label_id
             join dataset d on d.id = i.dataset_id
            """;

    private final JdbcClient jdbc;
    private final RegionMap regions;
    private final List<String> labelNames;

    SqlOracle(JdbcClient jdbc, RegionMap regions) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.labelNames = jdbc.sql("select distinct name from label").query(String.class).list();
    }

    MaskCounts counts(MaskFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        return jdbc.sql("select count(*) as masks, count(distinct m.image_id) as images" + FROM + where)
                .params(params).query((rs, row) -> new MaskCounts(rs.getLong("masks"), rs.getLong("images"))).single();
    }

    /** Mask counts per value, each dimension with every filter but its own; values with no mask are left out. */
    Map<FacetDimension, Map<String, Long>> facets(MaskFilter filter) {
        Map<FacetDimension, Map<String, Long>> result = new EnumMap<>(FacetDimension.class);
        for (FacetDimension dimension : FacetDimension.values()) {
            Map<FacetDimension, SortedSet<String>> others = new EnumMap<>(FacetDimension.class);
            others.putAll(filter.values());
            others.remove(dimension);
            MaskFilter sideways = new MaskFilter(others, filter.area(), filter.width(), filter.height(),
                    filter.areaFraction(), filter.text());
            List<Object> params = new ArrayList<>();
            String where = where(sideways, params);
            String column = dimension == FacetDimension.REGION ? "l.name" : column(dimension);
            Map<String, Long> counts = new TreeMap<>();
            jdbc.sql("select " + column + " as v, count(*) as n" + FROM + where + " group by 1").params(params)
                    .query(rs -> {
                        String value = rs.getString("v");
                        String key = dimension == FacetDimension.REGION ? regions.regionOf(value) : value;
                        counts.merge(key, rs.getLong("n"), Long::sum);
                    });
            result.put(dimension, counts);
        }
        return result;
    }

    /** Masks per logarithmic area bin (bin k holds [2^(k-1), 2^k - 1]) with every filter but the area range. */
    Map<Long, Long> areaHistogram(MaskFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter.withoutArea(), params);
        Map<Long, Long> bins = new TreeMap<>();
        jdbc.sql("select m.area" + FROM + where + " and m.area is not null").params(params).query(rs -> {
            long area = rs.getLong(1);
            bins.merge(Long.highestOneBit(area), 1L, Long::sum);
        });
        return bins;
    }

    /** Masks per power-of-two fraction bin, by the bin's lower end, with every filter but the fraction range. */
    Map<Double, Long> fractionHistogram(MaskFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(new MaskFilter(filter.values(), filter.area(), filter.width(), filter.height(),
                MaskFilter.FractionBounds.ANY, filter.text()), params);
        Map<Double, Long> bins = new TreeMap<>();
        jdbc.sql("select m.area::float8 / (i.width::float8 * i.height::float8)" + FROM + where + " and m.area is not null")
                .params(params).query(rs -> {
                    double fraction = rs.getDouble(1);
                    double lower = fraction >= 1 ? 0.5 : Math.scalb(1.0, Math.getExponent(fraction));
                    bins.merge(lower < Math.scalb(1.0, -20) ? 0 : lower, 1L, Long::sum);
                });
        return bins;
    }

    List<Long> maskIds(MaskFilter filter, MaskSort sort) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        String order = switch (sort) {
            case ID -> "m.id";
            case AREA -> "m.area asc nulls last, m.id";
            case AREA_DESCENDING -> "m.area desc nulls last, m.id";
            case RELEASE -> "d.name collate \"C\", i.case_name collate \"C\", i.axis collate \"C\", "
                    + "coalesce(i.slice, 0), m.id";
        };
        return jdbc.sql("select m.id" + FROM + where + " order by " + order).params(params).query(Long.class).list();
    }

    /** Image id to its matching mask ids, both in id order. */
    Map<Long, List<Long>> images(MaskFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Map<Long, List<Long>> images = new TreeMap<>();
        jdbc.sql("select m.image_id, m.id" + FROM + where + " order by m.image_id, m.id").params(params).query(rs -> {
            images.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
        });
        return images;
    }

    private String where(MaskFilter filter, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        filter.values().forEach((dimension, values) -> {
            if (dimension == FacetDimension.REGION) {
                where.append(" and l.name = any(?)");
                params.add(labelNames.stream().filter(name -> values.contains(regions.regionOf(name)))
                        .toArray(String[]::new));
            } else {
                where.append(" and ").append(column(dimension)).append(" = any(?)");
                params.add(values.toArray(String[]::new));
            }
        });
        range(where, params, "m.area", filter.area());
        range(where, params, "i.width", filter.width());
        range(where, params, "i.height", filter.height());
        String fraction = "(m.area::float8 / (i.width::float8 * i.height::float8))";
        if (filter.areaFraction().min() != null) {
            where.append(" and ").append(fraction).append(" >= ?");
            params.add(filter.areaFraction().min());
        }
        if (filter.areaFraction().max() != null) {
            where.append(" and ").append(fraction).append(" <= ?");
            params.add(filter.areaFraction().max());
        }
        if (filter.text() != null) {
            for (String token : TextTokens.ofQuery(filter.text())) {
                where.append(" and (regexp_split_to_array(lower(d.name || ' ' || i.case_name || ' ' || l.name),"
                        + " '[^[:alnum:]]+') @> array[?]::text[] or i.base_modality = ? or i.sub_modality = ?"
                        + " or length(?) >= 3 and (i.base_modality like ? || '\\_%' or i.base_modality like '%\\_' || ?))");
                params.addAll(List.of(token, TextTokens.modalityOf(token), token, token, token, token));
            }
        }
        return where.toString();
    }

    private static void range(StringBuilder where, List<Object> params, String column, MaskFilter.Bounds bounds) {
        if (bounds.min() != null) {
            where.append(" and ").append(column).append(" >= ?");
            params.add(bounds.min());
        }
        if (bounds.max() != null) {
            where.append(" and ").append(column).append(" <= ?");
            params.add(bounds.max());
        }
    }

    private static String column(FacetDimension dimension) {
        return switch (dimension) {
            case MODALITY -> "i.base_modality";
            case SUBMODALITY -> "coalesce(i.sub_modality, '" + FacetDimension.NO_SUBMODALITY + "')";
            case DATASET -> "d.name";
            case LABEL, REGION -> "l.name";
            case AXIS -> "i.axis";
        };
    }

    static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((value, count) -> {
            if (count > 0) {
                result.put(value, count);
            }
        });
        return result;
    }
}
