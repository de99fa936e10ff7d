package org.samed2d.explorer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property, over thousands of seeded random requests: parsing either gives a filter or refuses it with an
 * {@link InvalidQueryException} naming a parameter that was sent; nothing else ever escapes.
 */
class FilterParserPropertyTest {

    private static final List<String> ODD_NAMES = List.of("limit", "cursor", "AREAMIN", "q ", "", "label[]", "Q");
    private static final List<String> ODD_VALUES = List.of("-1", "0", "0.5", "1e3", "NaN", "Infinity", "-0", "x",
            "2d", "thorax", "", " ", "9".repeat(400), "1.7976931348623157E309", "%00", "liver\u0000", "\u00e9\u00e8",
            "+5", "0x10", "5 ", "--", "___");

    @Test
    void parses_or_refuses_naming_a_parameter_that_was_sent() {
        SplittableRandom random = new SplittableRandom(11);
        int refused = 0;
        for (int i = 0; i < 5000; i++) {
            Map<String, List<String>> parameters = randomParameters(random);
            try {
                MaskFilter filter = FilterParser.parse(parameters, Set.of("limit"));
                assertThat(filter.canonical()).isNotNull();
            } catch (InvalidQueryException e) {
                refused++;
                // a parameter without a name cannot be named; the filter as a whole is
                String named = parameters.containsKey("") && e.parameter().equals("filter") ? "" : e.parameter();
                assertThat(parameters).as("%s refused as %s", parameters, e.getMessage()).containsKey(named);
                assertThat(e.getMessage()).startsWith(e.parameter() + ": ");
            }
        }
        assertThat(refused).isBetween(500, 4500);
    }

    private static Map<String, List<String>> randomParameters(SplittableRandom random) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<String> names = FilterParser.filterParameters();
        for (int p = random.nextInt(5); p > 0; p--) {
            String name = random.nextInt(6) == 0 ? ODD_NAMES.get(random.nextInt(ODD_NAMES.size()))
                    : names.get(random.nextInt(names.size()));
            List<String> values = new ArrayList<>();
            for (int v = 1 + (random.nextInt(4) == 0 ? 1 : 0); v > 0; v--) {
                values.add(randomValue(random));
            }
            parameters.put(name, values);
        }
        return parameters;
    }

    private static String randomValue(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
            case 1 -> Long.toString(random.nextLong(0, 100_000));
            case 2 -> Double.toString(random.nextDouble());
            default -> {
                StringBuilder text = new StringBuilder();
                for (int c = random.nextInt(12); c > 0; c--) {
                    text.append((char) random.nextInt(32, 0x3000));
                }
                yield text.toString();
            }
        };
    }
}
