package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.DataSplit;

/** The export dialog's train/val/test split: off, or fractions, a seed and whether to keep cases whole. */
class SplitFields extends Div {

    final Checkbox enabled = new Checkbox("Split into train, val and test");
    final NumberField val = fraction("Val", 0.1);
    final NumberField test = fraction("Test", 0.2);
    final IntegerField seed = new IntegerField("Seed");
    final RadioButtonGroup<String> by = new RadioButtonGroup<>();

    SplitFields() {
        setId("export-split");
        val.setId("split-val");
        test.setId("split-test");
        seed.setId("split-seed");
        seed.setValue(1);
        seed.setWidth("6rem");
        by.setItems(DataSplit.BY_CASE, DataSplit.BY_IMAGE);
        by.setItemLabelGenerator(value -> value.equals(DataSplit.BY_CASE)
                ? "By case: every slice of a patient on one side"
                : "By image, as the SA-Med2D authors: slices of one case on several sides");
        by.setValue(DataSplit.BY_CASE);
        HorizontalLayout numbers = new HorizontalLayout(val, test, seed);
        numbers.setPadding(false);
        enabled.addValueChangeListener(event -> show(event.getValue()));
        show(false);
        add(enabled, numbers, by);
    }

    private static NumberField fraction(String label, double value) {
        NumberField field = new NumberField(label);
        field.setMin(0);
        field.setMax(1);
        field.setStep(0.05);
        field.setValue(value);
        field.setWidth("6rem");
        return field;
    }

    private void show(boolean on) {
        val.setEnabled(on);
        test.setEnabled(on);
        seed.setEnabled(on);
        by.setEnabled(on);
    }

    /** The split asked for, none when off; throws the split's own error for values it refuses. */
    @Nullable DataSplit split() {
        if (!enabled.getValue()) {
            return null;
        }
        return new DataSplit(val.getValue() == null ? 0 : val.getValue(), test.getValue() == null ? 0 : test.getValue(),
                by.getValue(), seed.getValue() == null ? 0 : seed.getValue());
    }
}
