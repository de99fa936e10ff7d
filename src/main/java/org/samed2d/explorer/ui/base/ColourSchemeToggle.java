package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * The light/dark switch of the header ({@code frontend/components/colour-scheme.ts}): follows the system setting
 * until the user picks one, which the browser remembers.
 */
@Tag("explorer-colour-scheme")
@JsModule("./components/colour-scheme.ts")
class ColourSchemeToggle extends Component {
}
