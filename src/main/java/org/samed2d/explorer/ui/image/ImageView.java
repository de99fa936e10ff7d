package org.samed2d.explorer.ui.image;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.samed2d.explorer.catalog.CatalogLookup;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;
import org.samed2d.explorer.media.LabelPalette;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.search.SearchUnavailableException;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;
import org.samed2d.explorer.ui.explore.ExploreState;
import org.samed2d.explorer.ui.explore.ExploreView;

/**
 * One image at full resolution with every mask, drawn in the browser; steps to the neighbouring slices of the same
 * case and axis and to the previous/next image matching the filter the user came with.
 */
@Route(value = "image/:id", layout = MainLayout.class)
@AnonymousAllowed
public class ImageView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CatalogLookup catalog;
    private final SearchService search;
    private final PortalAccess access;
    private final LabelPalette palette;
    final MaskCanvas canvas = new MaskCanvas();
    private final Div header = new Div();
    final ImageSteps steps = new ImageSteps();
    private final ImageFiles files = new ImageFiles();
    private String title = "Image · SA-Med2D Explorer";

    ImageView(CatalogLookup catalog, SearchService search, PortalAccess access, LabelPalette palette) {
        this.catalog = catalog;
        this.search = search;
        this.access = access;
        this.palette = palette;
        addClassName("image-view");
        header.addClassName("image-header");
        canvas.setId("canvas");
        add(header, steps, canvas, files);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("id");
        Optional<ImageRecord> image = id.flatMap(catalog::image);
        QueryParameters query = event.getLocation().getQueryParameters();
        // a filter it cannot use only loses that part, as on the explore page
        MaskFilter filter = ExploreState.read(query).state().filter();
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
        files.removeAll();
        canvas.setVisible(false);
    }

    private void show(ImageRecord image, MaskFilter filter, QueryParameters query) {
        canvas.setVisible(true);
        String fileName = image.file().substring(image.file().lastIndexOf('/') + 1);
        title = fileName + " · SA-Med2D Explorer";
        List<MaskRecord> masks = catalog.masksOfImage(image.id());
        Set<Long> matching = new HashSet<>();
        if (!filter.isEmpty()) {
            try {
                matching.addAll(search.matchingMasks(filter, image.id()));
            } catch (SearchUnavailableException e) {
                // the image and its masks come from the catalog; only which of them match needs search
                Notification.show("Search is unavailable right now: which masks match your filter, and the next "
                        + "matching image, are not shown.", 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
        } else {
            masks.forEach(mask -> matching.add(mask.id()));
        }
        LabelPalette.Colours colours = palette.current();
        boolean researcher = BrowserSession.may(access, Role.RESEARCHER);
        canvas.show(image.id(), "/api/v1/images/" + image.id() + "/png", masks.stream().map(mask -> new MaskCanvas.Layer(
                mask.id(), mask.label(), mask.instance(), mask.geometry() == null ? null : mask.geometry().area(),
                mask.geometry() == null ? null : List.of(mask.geometry().x0(), mask.geometry().y0(), mask.geometry().x1(),
                        mask.geometry().y1()), colours.hex(mask.label()), "/api/v1/masks/" + mask.id() + "/png",
                matching.contains(mask.id()))).toList(), researcher ? BrowserSession.csrfToken() : null,
                BrowserSession.authentication() != null && access.account(BrowserSession.authentication()).isPresent());

        header.removeAll();
        H2 name = new H2(fileName);
        name.addClassName("image-name");
        Span facts = new Span("%s · %s · case %s · %s · %d×%d px · %d mask%s, %d matching".formatted(image.dataset(),
                image.modality(), image.caseName(), image.slice() == null ? "2D" : "axis " + image.axis() + ", slice "
                        + image.slice(), image.width(), image.height(), masks.size(), masks.size() == 1 ? "" : "s",
                matching.size()));
        facts.addClassName("image-facts");
        header.add(name, facts);

        steps.show(catalog.neighbourSlice(image.id(), false), catalog.neighbourSlice(image.id(), true),
                neighbour(filter, image.id(), false), neighbour(filter, image.id(), true), query);
        files.show(image, fileName, masks);
    }

    private Optional<Long> neighbour(MaskFilter filter, long imageId, boolean forward) {
        try {
            long id = search.neighbourImage(filter, imageId, forward);
            return id < 0 ? Optional.empty() : Optional.of(id);
        } catch (SearchUnavailableException e) {
            return Optional.empty();
        }
    }
}
