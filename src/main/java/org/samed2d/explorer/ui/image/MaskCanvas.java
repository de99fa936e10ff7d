package org.samed2d.explorer.ui.image;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The browser-side image canvas ({@code frontend/components/mask-canvas.ts}): it draws the image and its mask
 * layers itself, so visibility, opacity, fill/outline, window/level, colour maps, hover names, zoom and pan need no
 * server round trip; boxes and points for prompt segmentation are drawn there too and sent straight to the REST API.
 */
@Tag("mask-canvas")
@JsModule("./components/mask-canvas.ts")
class MaskCanvas extends Component {

    /** One mask layer; {@code url} serves the original mask PNG, {@code color} is its label's colour. */
    record Layer(long id, String label, int instance, @Nullable Long area, @Nullable List<Integer> bbox, String color,
                 String url, boolean matches) {
    }

    /**
     * @param imageId the image segmentation prompts go to (the component calls {@code POST /api/v1/segment})
     * @param csrfToken the session's CSRF token for those calls; none hides the segmentation tools
     * @param signedIn whether the visitor has an account (without the role, the hint says so instead of "sign in")
     */
    void show(long imageId, String imageUrl, List<Layer> layers, @Nullable String csrfToken, boolean signedIn) {
        getElement().setProperty("imageId", csrfToken == null ? 0 : imageId);
        getElement().setProperty("csrfToken", csrfToken == null ? "" : csrfToken);
        getElement().setProperty("segmentHint", csrfToken != null ? "" : signedIn
                ? "Segmentation needs a researcher account." : "sign-in");
        getElement().setProperty("src", imageUrl);
        getElement().setPropertyList("masks", layers);
    }
}
