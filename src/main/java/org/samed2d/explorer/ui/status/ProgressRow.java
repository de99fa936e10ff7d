package org.samed2d.explorer.ui.status;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** One job's progress on the status page: its name, a bar and a line of figures. */
class ProgressRow extends Div {

    final ProgressBar bar = new ProgressBar();
    final Span text = new Span();

    ProgressRow(String id, String name) {
        addClassName("progress-row");
        setId(id);
        Span title = new Span(name);
        title.addClassName("progress-name");
        text.addClassName("progress-text");
        bar.getElement().setAttribute("aria-label", name);
        add(title, bar, text);
    }

    /** @param fraction 0..1, or negative when the total is not known yet (the bar then runs without a value) */
    void show(double fraction, String line) {
        bar.setIndeterminate(fraction < 0);
        if (fraction >= 0) {
            bar.setValue(Math.min(1, fraction));
        }
        text.setText(line);
    }
}
