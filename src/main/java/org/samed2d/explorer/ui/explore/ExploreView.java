package org.samed2d.explorer.ui.explore;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.SourceDatasets;
import org.samed2d.explorer.export.ExportService;
import org.samed2d.explorer.media.LabelPalette;
import org.samed2d.explorer.savedview.SavedViewService;
import org.samed2d.explorer.search.FacetCounts;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Quotas;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;

/**
 * The start page: filters with exact live counts, matching images as thumbnails. Every change goes into the URL
 * first, and the page is drawn from the URL, so links, reloads and back/forward agree.
 */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
@PageTitle("Explore · SA-Med2D Explorer")
public class ExploreView extends Div implements BeforeEnterObserver {

    private final SearchService search;
    private final CatalogLookup catalog;
    private final LabelPalette palette;
    private ExploreState state = ExploreState.START;
    final FilterSidebar filters = new FilterSidebar(() -> state.filter(), this::change, this::render);
    final ResultsBar bar;
    final FilterChips chips = new FilterChips(this::change);
    final EmptyResults empty = new EmptyResults(this::change);
    final TileGrid grid = new TileGrid();

    ExploreView(SearchService search, CatalogLookup catalog, LabelPalette palette, ExportService exports,
                SourceDatasets sources, PortalAccess access, Quotas quotas, SavedViewService views) {
        this.search = search;
        this.catalog = catalog;
        this.palette = palette;
        addClassName("explore");
        Button export = new Button("Export", VaadinIcon.DOWNLOAD.create(), click -> new ExportDialog(exports, sources,
                state.filter(), search.facets(state.filter()), access, quotas).open());
        export.setId("export");
        export.addClassName("no-wrap");
        if (!BrowserSession.may(access, Role.RESEARCHER)) {
            export.setEnabled(false);
            export.setTooltipText("Sign in with a researcher account to export");
        }
        Button saved = new Button("Saved views", VaadinIcon.BOOKMARK.create());
        saved.setId("saved-views-button");
        saved.addClassName("no-wrap");
        access.account(BrowserSession.authentication()).ifPresentOrElse(account -> saved.addClickListener(click ->
                new SavedViewsDialog(views, account.username(), () -> state).open()), () -> saved.setVisible(false));
        bar = new ResultsBar(words -> change(FilterEdit.withText(state.filter(), words)),
                sort -> navigate(state.with(sort)), () -> filters.open(true), export, saved);
        Div results = new Div(bar, chips, empty, grid);
        results.addClassName("results");
        results.setId("results");
        add(filters, results);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ExploreState.Reading reading = ExploreState.read(event.getLocation().getQueryParameters());
        state = reading.state();
        if (!reading.dropped().isEmpty()) {
            Notification.show("Left out of this link, as the portal cannot use it: " + String.join("; ",
                    reading.dropped()) + ".", 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        render();
    }

    private void change(MaskFilter filter) {
        navigate(state.with(filter));
    }

    private void navigate(ExploreState next) {
        filters.open(false);
        getUI().ifPresent(ui -> ui.navigate(ExploreView.class, next.toQuery()));
    }

    private void render() {
        MaskFilter filter = state.filter();
        FacetCounts facets = search.facets(filter);
        MaskCounts all = search.counts(MaskFilter.ALL);
        filters.show(filter, facets, filters.area.showsFractions(filter) ? search.areaFractionHistogram(filter) : null);
        bar.show(state, facets.counts(), all);
        chips.show(filter);
        boolean nothing = facets.counts().masks() == 0;
        empty.setVisible(nothing);
        grid.setVisible(!nothing);
        if (all.masks() == 0) {
            empty.showEmptyCatalog();
        } else if (nothing) {
            empty.showNoMatch(TextSuggestions.of(filter, vocabulary(), search::counts));
        } else {
            grid.show(TileSource.of(search, catalog, palette.current(), state), state.at());
        }
    }

    /** Names a misspelt search word may have meant: labels, datasets and modalities, whole and by word. */
    private Set<String> vocabulary() {
        Set<String> words = new TreeSet<>();
        FacetCounts everything = search.facets(MaskFilter.ALL);
        for (FacetDimension dimension : List.of(FacetDimension.LABEL, FacetDimension.DATASET, FacetDimension.MODALITY,
                FacetDimension.SUBMODALITY)) {
            for (String name : everything.values().get(dimension).keySet()) {
                words.add(name.toLowerCase(java.util.Locale.ROOT));
                for (String word : name.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 3) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }
}
