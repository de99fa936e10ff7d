package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Counts as horizontal bars in plain HTML and CSS, largest first, readable by screen readers as a list. With a link
 * per value, each bar is a link (the dataset pages' bars open Explore filtered to that value).
 */
public class BarChart extends Div {

    public BarChart(String title, Map<String, Long> counts, int limit) {
        this(title, counts, limit, null);
    }

    /** @param link the page a value's bar opens, or null for bars that are not links */
    public BarChart(String title, Map<String, Long> counts, int limit, @Nullable Function<String, String> link) {
        addClassName("bar-chart");
        add(new H3(title));
        Div list = new Div();
        list.getElement().setAttribute("role", "list");
        long largest = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        counts.entrySet().stream().limit(limit).forEach(entry -> {
            Span name = new Span(entry.getKey());
            name.addClassName("bar-name");
            Div bar = new Div();
            bar.addClassName("bar");
            bar.getStyle().set("width", Math.max(1, 100.0 * entry.getValue() / Math.max(1, largest)) + "%");
            Div track = new Div(bar);
            track.addClassName("bar-track");
            Span value = new Span("%,d".formatted(entry.getValue()));
            value.addClassName("bar-value");
            Component row;
            if (link == null) {
                row = new Div(name, track, value);
            } else {
                Anchor anchor = new Anchor(link.apply(entry.getKey()), name, track, value);
                anchor.getElement().setAttribute("aria-label", entry.getKey() + ": " + Counted.of(entry.getValue(), "mask")
                        + "; explore them");
                row = anchor;
            }
            row.addClassName("bar-row");
            row.getElement().setAttribute("role", "listitem");
            list.add(row);
        });
        if (counts.size() > limit) {
            list.add(new Span("… and %,d more".formatted(counts.size() - limit)));
        }
        add(list);
    }
}
