package org.samed2d.explorer.ui.image;

import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;
import org.samed2d.explorer.ui.explore.ExploreView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.LabelPalette;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.InvalidQueryException;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * One image at full resolution with every mask, drawn in the browser; steps to the neighbouring slices of the same
 * case and axis and to the previous/next image matching the filter the user came with (keys: arrows and N/P).
 */
@Route(value = "image/:id", layout = MainLayout.class)
@AnonymousAllowed
class ImageView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogLookup catalog;
    private final SearchService search;
    private final PortalAccess access;
    private final MaskCanvas canvas = new MaskCanvas();
    private final Div header = new Div();
    private final HorizontalLayout steps = new HorizontalLayout();
    private final Div links = new Div();
    private String title = "Image · SA-Med2D Explorer";
    private final List<com.vaadin.flow.shared.Registration> shortcuts = new java.util.ArrayList<>();

    private final LabelPalette palette;

    ImageView(CatalogLookup catalog, SearchService search, PortalAccess access, LabelPalette palette) {
        this.palette = palette;
        this.access = access;
        this.catalog = catalog;
        this.search = search;
        addClassName("image-view");
        header.addClassName("image-header");
        links.addClassName("image-links");
        steps.addClassName("image-steps");
        canvas.setId("canvas");
        add(header, steps, canvas, links);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        shortcuts.forEach(com.vaadin.flow.shared.Registration::remove);
        shortcuts.clear();
        Optional<Long> id = event.getRouteParameters().getLong("id");
        Optional<ImageRecord> image = id.flatMap(catalog::image);
        QueryParameters query = event.getLocation().getQueryParameters();
        MaskFilter filter;
        try {
            filter = FilterParser.parse(query.getParameters(), Set.of("sort", "at"));
        } catch (InvalidQueryException e) {
            filter = MaskFilter.ALL;
        }
        if (image.isEmpty()) {
            showMissing(id.map(String::valueOf).orElse("?"));
            return;
        }
        show(image.get(), filter, query);
    }

    private void showMissing(String id) {
        title = "No such image · SA-Med2D Explorer";
        header.removeAll();
        header.add(new H2("No image with id " + id), new Paragraph("It may have been removed from the catalog, or the "
                + "link is mistyped."), new RouterLink("Back to explore", ExploreView.class));
        steps.removeAll();
        links.removeAll();
        canvas.setVisible(false);
    }

    private void show(ImageRecord image, MaskFilter filter, QueryParameters query) {
        canvas.setVisible(true);
        String fileName = image.file().substring(image.file().lastIndexOf('/') + 1);
        title = fileName + " · SA-Med2D Explorer";
        List<MaskRecord> masks = catalog.masksOfImage(image.id());
        Set<Long> matching = new HashSet<>();
        if (!filter.isEmpty()) {
            matching.addAll(search.matchingMasks(filter, image.id()));
        } else {
            masks.forEach(mask -> matching.add(mask.id()));
        }
        LabelPalette.Colours colours = palette.current();
        canvas.show(image.id(), "/api/v1/images/" + image.id() + "/png", masks.stream().map(mask -> new MaskCanvas.Layer(mask.id(),
                mask.label(), mask.instance(), mask.geometry() == null ? null : mask.geometry().area(),
                mask.geometry() == null ? null : List.of(mask.geometry().x0(), mask.geometry().y0(), mask.geometry().x1(),
                        mask.geometry().y1()),
                colours.hex(mask.label()), "/api/v1/masks/" + mask.id() + "/png", matching.contains(mask.id())))
                .toList(), BrowserSession.may(access, Role.RESEARCHER) ? BrowserSession.csrfToken() : null);

        header.removeAll();
        H2 name = new H2(fileName);
        name.addClassName("image-name");
        Span facts = new Span("%s · %s · case %s · %s · %d×%d px · %d mask%s, %d matching".formatted(image.dataset(),
                image.modality(), image.caseName(), image.slice() == null ? "2D" : "axis " + image.axis() + ", slice "
                        + image.slice(), image.width(), image.height(), masks.size(), masks.size() == 1 ? "" : "s",
                matching.size()));
        facts.addClassName("image-facts");
        header.add(name, facts);

        steps.removeAll();
        String queryString = query.getQueryString();
        addStep("Previous slice", VaadinIcon.ARROW_LEFT, catalog.neighbourSlice(image.id(), false), queryString, Key.ARROW_LEFT);
        addStep("Next slice", VaadinIcon.ARROW_RIGHT, catalog.neighbourSlice(image.id(), true), queryString, Key.ARROW_RIGHT);
        addStep("Previous match", VaadinIcon.ANGLE_DOUBLE_LEFT, neighbour(filter, image.id(), false), queryString, Key.KEY_P);
        addStep("Next match", VaadinIcon.ANGLE_DOUBLE_RIGHT, neighbour(filter, image.id(), true), queryString, Key.KEY_N);
        RouterLink back = new RouterLink("Back to results", ExploreView.class);
        back.setQueryParameters(query);
        steps.add(back);

        links.removeAll();
        Anchor download = new Anchor("/api/v1/images/" + image.id() + "/png", "Download image");
        download.getElement().setAttribute("download", fileName);
        download.setRouterIgnore(true);
        Anchor dataset = new Anchor("datasets/" + image.dataset(), "About " + image.dataset());
        Button copy = new Button("Copy REST URL", VaadinIcon.COPY.create(), click -> {
            click.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText("
                    + "window.location.origin + $0)", "/api/v1/images/" + image.id());
            Notification.show("Copied /api/v1/images/" + image.id(), 2000, Notification.Position.BOTTOM_START);
        });
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div maskLinks = new Div(new Span("Mask files: "));
        maskLinks.addClassName("mask-links");
        for (MaskRecord mask : masks) {
            Anchor link = new Anchor("/api/v1/masks/" + mask.id() + "/png", mask.label() + " #" + mask.instance());
            link.getElement().setAttribute("download", mask.file().substring(mask.file().lastIndexOf('/') + 1));
            link.setRouterIgnore(true);
            maskLinks.add(link);
        }
        links.add(download, copy, dataset, maskLinks);
    }

    private Optional<Long> neighbour(MaskFilter filter, long imageId, boolean forward) {
        long id = search.neighbourImage(filter, imageId, forward);
        return id < 0 ? Optional.empty() : Optional.of(id);
    }

    private void addStep(String label, VaadinIcon icon, Optional<Long> target, String queryString, Key key) {
        Button button = new Button(label, icon.create());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setEnabled(target.isPresent());
        target.ifPresent(id -> {
            Runnable go = () -> getUI().ifPresent(ui -> ui.navigate("image/" + id,
                    QueryParameters.fromString(queryString)));
            button.addClickListener(click -> go.run());
            shortcuts.add(Shortcuts.addShortcutListener(this, go::run, key));
        });
        button.setTooltipText(label + " (" + key.getKeys().getFirst() + ")");
        steps.add(button);
    }
}
