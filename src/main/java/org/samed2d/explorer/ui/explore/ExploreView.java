package org.samed2d.explorer.ui.explore;

import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.export.ExportService;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Quotas;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.InvalidQueryException;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.SearchService;

/**
 * The start page: filters with exact live counts on the left, matching images as thumbnails on the right. Every
 * change goes into the URL first, and the page is drawn from the URL, so links, reloads and back/forward agree.
 */
@Route(value = "", layout = MainLayout.class)
@com.vaadin.flow.server.auth.AnonymousAllowed
@PageTitle("Explore · SA-Med2D Explorer")
public class ExploreView extends Div implements BeforeEnterObserver {

    private static final Map<MaskSort, String> SORTS = Map.of(MaskSort.ID, "Release order",
            MaskSort.AREA_DESCENDING, "Largest masks first", MaskSort.AREA, "Smallest masks first",
            MaskSort.RELEASE, "Dataset, case, slice");

    private ExploreState state = ExploreState.START;
    private final SearchService search;
    private final CatalogLookup catalog;
    private final Map<FacetDimension, FacetGroup> groups = new EnumMap<>(FacetDimension.class);
    private final AreaFilter area = new AreaFilter(bounds -> change(state.with(new MaskFilter(state.filter().values(),
            bounds, state.filter().width(), state.filter().height(), state.filter().areaFraction(), state.filter().text()))));
    private final TextField text = new TextField();
    private final Select<MaskSort> sort = new Select<>();
    private final Span totals = new Span();
    private final Div chips = new Div();
    private final Button clearAll = new Button("Clear all", click -> change(ExploreState.START.with(state.sort())));
    private final TileGrid grid = new TileGrid();
    private final Div emptyState = new Div();

    private final ExportService exports;
    private final SourceDatasets sources;

    ExploreView(SearchService search, CatalogLookup catalog, ExportService exports, SourceDatasets sources,
                PortalAccess access, Quotas quotas) {
        this.search = search;
        this.catalog = catalog;
        this.exports = exports;
        this.sources = sources;
        addClassName("explore");

        Div sidebar = new Div();
        sidebar.addClassName("filters");
        sidebar.getElement().setAttribute("aria-label", "Filters");
        sidebar.getElement().setAttribute("role", "search");
        addGroup(sidebar, FacetDimension.MODALITY, "Modality", false);
        addGroup(sidebar, FacetDimension.REGION, "Body region", false);
        addGroup(sidebar, FacetDimension.LABEL, "Label", true);
        addGroup(sidebar, FacetDimension.DATASET, "Dataset", true);
        addGroup(sidebar, FacetDimension.SUBMODALITY, "Sub-modality", true);
        addGroup(sidebar, FacetDimension.AXIS, "Axis", false);
        sidebar.add(area);

        text.setPlaceholder("Search dataset, case or label names");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("22rem");
        text.setId("search-text");
        text.getElement().setAttribute("aria-label", "Search words");
        text.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                MaskFilter f = state.filter();
                String value = event.getValue().isBlank() ? null : event.getValue().strip();
                change(state.with(new MaskFilter(f.values(), f.area(), f.width(), f.height(), f.areaFraction(), value)));
            }
        });
        sort.setItems(MaskSort.ID, MaskSort.RELEASE, MaskSort.AREA_DESCENDING, MaskSort.AREA);
        sort.setItemLabelGenerator(SORTS::get);
        sort.setAriaLabel("Order");
        sort.setId("sort");
        sort.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                change(state.with(event.getValue()));
            }
        });
        totals.addClassName("totals");
        totals.setId("totals");
        totals.getElement().setAttribute("aria-live", "polite");
        chips.addClassName("chips");
        clearAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        clearAll.setId("clear-all");
        emptyState.addClassName("empty-state");

        Button export = new Button("Export", VaadinIcon.DOWNLOAD.create(), click -> new ExportDialog(exports, sources,
                state.filter(), search.facets(state.filter()), access, quotas).open());
        export.setId("export");
        if (!BrowserSession.may(access, Role.RESEARCHER)) {
            export.setEnabled(false);
            export.setTooltipText("Sign in with a researcher account to export");
        }
        HorizontalLayout bar = new HorizontalLayout(text, sort, totals, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassName("explore-bar");
        HorizontalLayout active = new HorizontalLayout(chips, clearAll);
        active.setAlignItems(FlexComponent.Alignment.CENTER);
        Div results = new Div(bar, active, emptyState, grid);
        results.addClassName("results");
        add(sidebar, results);
    }

    private void addGroup(Div sidebar, FacetDimension dimension, String title, boolean searchable) {
        FacetGroup group = new FacetGroup(dimension, title, searchable, chosen -> {
            Map<FacetDimension, SortedSet<String>> values = new EnumMap<>(FacetDimension.class);
            values.putAll(state.filter().values());
            values.put(dimension, new TreeSet<>(chosen));
            MaskFilter f = state.filter();
            change(state.with(new MaskFilter(values, f.area(), f.width(), f.height(), f.areaFraction(), f.text())));
        });
        groups.put(dimension, group);
        sidebar.add(group);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            state = ExploreState.of(event.getLocation().getQueryParameters());
        } catch (InvalidQueryException e) {
            Notification.show("This link has a filter the portal cannot use (" + e.getMessage() + "); showing everything.",
                    6000, Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_WARNING);
            state = ExploreState.START;
        }
        render();
    }

    private void change(ExploreState next) {
        getUI().ifPresent(ui -> ui.navigate(ExploreView.class, next.toQuery()));
    }

    private void render() {
        MaskFilter filter = state.filter();
        FacetCounts facets = search.facets(filter);
        MaskCounts all = search.counts(MaskFilter.ALL);
        groups.values().forEach(group -> group.show(facets.values().get(group.dimension()), filter.chosen(group.dimension())));
        area.show(facets.area(), filter.area());
        text.setValue(filter.text() == null ? "" : filter.text());
        sort.setValue(state.sort());
        MaskCounts matching = facets.counts();
        totals.setText(filter.isEmpty()
                ? "%,d masks on %,d images".formatted(all.masks(), all.images())
                : "%,d masks on %,d images, of %,d masks on %,d images".formatted(matching.masks(), matching.images(),
                        all.masks(), all.images()));
        renderChips(filter);
        boolean empty = matching.masks() == 0;
        emptyState.setVisible(empty);
        grid.setVisible(!empty);
        if (empty) {
            renderEmptyState(all);
        } else {
            grid.show(TileSource.of(search, catalog, filter, state.sort()), state.at());
        }
    }

    private void renderChips(MaskFilter filter) {
        chips.removeAll();
        filter.values().forEach((dimension, values) -> values.forEach(value -> chips.add(chip(dimension.parameter() + ": " + value,
                () -> {
                    Map<FacetDimension, SortedSet<String>> rest = new EnumMap<>(FacetDimension.class);
                    rest.putAll(filter.values());
                    SortedSet<String> remaining = new TreeSet<>(values);
                    remaining.remove(value);
                    rest.put(dimension, remaining);
                    return new MaskFilter(rest, filter.area(), filter.width(), filter.height(), filter.areaFraction(), filter.text());
                }))));
        if (!filter.area().isAny()) {
            chips.add(chip("area: " + range(filter.area()), () -> new MaskFilter(filter.values(), MaskFilter.Bounds.ANY,
                    filter.width(), filter.height(), filter.areaFraction(), filter.text())));
        }
        if (filter.text() != null) {
            chips.add(chip("words: " + filter.text(), () -> new MaskFilter(filter.values(), filter.area(), filter.width(),
                    filter.height(), filter.areaFraction(), null)));
        }
        for (var other : List.of(Map.entry("width", filter.width()), Map.entry("height", filter.height()))) {
            if (!other.getValue().isAny()) {
                chips.add(chip(other.getKey() + ": " + range(other.getValue()), () -> new MaskFilter(filter.values(),
                        filter.area(), other.getKey().equals("width") ? MaskFilter.Bounds.ANY : filter.width(),
                        other.getKey().equals("height") ? MaskFilter.Bounds.ANY : filter.height(), filter.areaFraction(),
                        filter.text())));
            }
        }
        clearAll.setVisible(!filter.isEmpty());
    }

    private Button chip(String label, java.util.function.Supplier<MaskFilter> without) {
        Button chip = new Button(label, VaadinIcon.CLOSE_SMALL.create(), click -> change(state.with(without.get())));
        chip.setIconAfterText(true);
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        chip.addClassName("chip");
        chip.setAriaLabel("Remove filter " + label);
        return chip;
    }

    private static String range(MaskFilter.Bounds bounds) {
        return (bounds.min() == null ? "" : "%,d".formatted(bounds.min())) + "–"
                + (bounds.max() == null ? "" : "%,d".formatted(bounds.max())) + " px";
    }

    private void renderEmptyState(MaskCounts all) {
        emptyState.removeAll();
        if (all.masks() == 0) {
            emptyState.add(new H2("No data yet"), new Paragraph("The catalog is empty. Ingest a release with "
                    + "java -jar sa-med2d-explorer.jar ingest PATH; it becomes searchable within seconds."));
        } else {
            Button clear = new Button("Clear all filters", click -> change(ExploreState.START));
            emptyState.add(new H2("No mask matches"), new Paragraph("Nothing in the catalog matches all these filters. "
                    + "Remove one of them, or start again."), clear);
        }
    }
}
