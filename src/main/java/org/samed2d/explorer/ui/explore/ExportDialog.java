package org.samed2d.explorer.ui.explore;

import org.samed2d.explorer.ui.base.BrowserSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.SourceDataset;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.export.ExportRecord;
import org.samed2d.explorer.export.ExportRequest;
import org.samed2d.explorer.export.ExportService;
import org.samed2d.explorer.export.ExportRejectedException;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Quotas;
import org.samed2d.explorer.shared.QuotaExceededException;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.samed2d.explorer.ui.base.Counted;

/**
 * Export of the current filter: what it holds, the format, the licences of the datasets involved; then the
 * preparation's progress and the download link.
 */
class ExportDialog extends Dialog {

    private final ExportService exports;
    private final MaskFilter filter;
    private final RadioButtonGroup<String> format = new RadioButtonGroup<>("Format");
    private final Checkbox restricted = new Checkbox("Include datasets that may not be redistributed");
    private final SplitFields split = new SplitFields();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Div download = new Div();
    private @Nullable Registration polling;

    private final PortalAccess access;
    private final Quotas quotas;

    ExportDialog(ExportService exports, SourceDatasets sources, MaskFilter filter, FacetCounts facets,
                 PortalAccess access, Quotas quotas) {
        this.access = access;
        this.quotas = quotas;
        this.exports = exports;
        this.filter = filter;
        setHeaderTitle("Export the current selection");
        setWidth("36rem");
        format.setItems("sa-med2d", "coco", "manifest");
        format.setItemLabelGenerator(value -> switch (value) {
            case "sa-med2d" -> "SA-Med2D release layout (images, masks, JSON)";
            case "coco" -> "COCO instance segmentation (RLE) with images";
            default -> "Manifest only (CSV and JSONL with sha256, no pixels)";
        });
        format.setValue("sa-med2d");
        Div licences = new Div();
        licences.addClassName("export-licences");
        Map<String, Long> datasets = facets.values().get(FacetDimension.DATASET);
        filter.chosen(FacetDimension.DATASET).forEach(chosen -> datasets.putIfAbsent(chosen, 0L));
        datasets.forEach((dataset, masks) -> {
            if (masks > 0 && (filter.chosen(FacetDimension.DATASET).isEmpty()
                    || filter.chosen(FacetDimension.DATASET).contains(dataset))) {
                SourceDataset source = sources.of(dataset).orElse(null);
                licences.add(new Div(new Span(dataset + ": " + (source == null ? "licence unknown" : source.licence())
                        + (source != null && source.redistributable().equals("no") ? " (not redistributable)" : ""))));
            }
        });
        progress.setVisible(false);
        status.setId("export-status");
        Button start = new Button("Start export", click -> start(click.getSource()));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setId("start-export");
        add(new Paragraph(Counted.masksOnImages(facets.counts().masks(), facets.counts().images())
                + ". SA-Med2D-20M is CC BY-NC-SA 4.0; each source dataset keeps its own licence:"), licences, format,
                split, restricted, progress, status, download);
        getFooter().add(new Button("Close", click -> close()), start);
        addDetachListener(event -> stopPolling());
    }

    private void start(Button start) {
        try {
            Account account = access.account(BrowserSession.authentication()).orElseThrow(
                    () -> new ExportRejectedException("account", "sign in with a researcher account to export"));
            ExportRecord record = exports.start(new ExportRequest(FilterParser.toParameters(filter),
                    format.getValue(), restricted.getValue(), split.split(), null, null), account.username(),
                    (usage, requested) -> quotas.export(account, usage.active(), usage.bytesToday(), usage.unsized(),
                            requested));
            start.setEnabled(false);
            progress.setVisible(true);
            show(record);
            getUI().ifPresent(ui -> {
                ui.setPollInterval(1000);
                polling = ui.addPollListener(poll -> exports.get(record.id()).ifPresent(this::show));
            });
        } catch (InvalidParameterException | QuotaExceededException e) {
            status.setText(e.getMessage());
        }
    }

    private void show(ExportRecord record) {
        progress.setValue(record.progress());
        status.setText(switch (record.state()) {
            case "done" -> "Ready: %,d bytes.".formatted(record.bytes());
            case "failed" -> "Failed: " + record.error();
            default -> "Preparing (%s) %.0f%%%s%s".formatted(record.state(), record.progress() * 100,
                    record.bytes() == null ? "" : ", %,d bytes".formatted(record.bytes()),
                    record.etaSeconds() == null ? "" : ", about " + record.etaSeconds() + " s left");
        } + (record.excludedDatasets().isEmpty() ? "" : " Left out: " + String.join(", ", record.excludedDatasets())));
        if (record.state().equals("done") || record.state().equals("failed")) {
            stopPolling();
        }
        if (record.state().equals("done") && download.getChildren().findAny().isEmpty()) {
            Anchor link = new Anchor("/api/v1/exports/" + record.id() + "/download", "Download the ZIP");
            link.setRouterIgnore(true);
            link.setId("export-download");
            download.add(link);
        }
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }
}
