package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Counts per bin as bars with labelled axes: the largest count on the vertical axis, bin edges below, each bar's
 * range and count on hover and focus. Bars the current range covers whole are highlighted; a click (or Enter)
 * on a bar reports its index.
 */
public class Histogram extends Div {

    /** @param edge the axis label under the bar's left edge, or null for none */
    public record Bar(String description, long count, boolean inside, String edge) {
    }

    private final Div plot = new Div();
    private final Div xAxis = new Div();
    private final Span top = new Span();
    private final IntConsumer onClick;

    public Histogram(String title, String xTitle, IntConsumer onClick) {
        this.onClick = onClick;
        addClassName("histogram-chart");
        plot.addClassName("histogram");
        plot.getElement().setAttribute("role", "group");
        plot.getElement().setAttribute("aria-label", title);
        xAxis.addClassName("histogram-x");
        top.addClassName("histogram-top");
        Span zero = new Span("0");
        zero.addClassName("histogram-zero");
        Div yAxis = new Div(top, new Span("masks"), zero);
        yAxis.addClassName("histogram-y");
        Span xLabel = new Span(xTitle);
        xLabel.addClassName("histogram-x-title");
        add(yAxis, plot, new Div(), xAxis, new Div(), xLabel);
    }

    public void show(List<Bar> bars) {
        plot.removeAll();
        xAxis.removeAll();
        long tallest = bars.stream().mapToLong(Bar::count).max().orElse(0);
        top.setText("%,d".formatted(tallest));
        for (int i = 0; i < bars.size(); i++) {
            Bar bin = bars.get(i);
            int index = i;
            Div bar = new Div();
            bar.addClassNames("histogram-bar", bin.inside() ? "inside" : "outside");
            bar.getStyle().set("height", bin.count() == 0 ? "0" : Math.max(3, 100.0 * bin.count() / tallest) + "%");
            String label = bin.description() + ": %,d mask%s".formatted(bin.count(), bin.count() == 1 ? "" : "s");
            bar.getElement().setAttribute("data-tip", label);
            bar.getElement().setAttribute("aria-label", label);
            bar.getElement().setAttribute("role", "button");
            bar.getElement().setAttribute("tabindex", "0");
            bar.addClickListener(click -> onClick.accept(index));
            Shortcuts.addShortcutListener(bar, () -> onClick.accept(index), Key.ENTER).listenOn(bar);
            plot.add(bar);
            Span edge = new Span(bin.edge() == null ? "" : bin.edge());
            xAxis.add(edge);
        }
        if (bars.isEmpty()) {
            plot.add(new Span("No measured masks match."));
        }
    }
}
