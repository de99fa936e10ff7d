package org.samed2d.explorer.ui.image;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import org.samed2d.explorer.catalog.ImageRecord;
import org.samed2d.explorer.catalog.MaskRecord;

/** The image's files: download the image and each mask, copy its REST URL, open its dataset. */
class ImageFiles extends Div {

    ImageFiles() {
        addClassName("image-links");
    }

    void show(ImageRecord image, String fileName, List<MaskRecord> masks) {
        removeAll();
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
        add(download, copy, dataset, maskLinks);
    }
}
