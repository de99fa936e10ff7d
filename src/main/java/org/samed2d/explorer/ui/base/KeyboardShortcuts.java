package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.util.List;

/**
 * A page's keyboard shortcuts ({@code frontend/components/explorer-shortcuts.ts}): each key clicks or focuses an
 * element of the page. They never fire while a control that uses the key has focus; "?" lists them all.
 */
@Tag("explorer-shortcuts")
@JsModule("./components/explorer-shortcuts.ts")
public class KeyboardShortcuts extends Component {

    /**
     * @param key the key as the browser names it ({@code ArrowLeft}, {@code n}, {@code /})
     * @param target a CSS selector of what the key acts on
     */
    public record Shortcut(String key, String description, String target, String action) {

        public static Shortcut click(String key, String description, String target) {
            return new Shortcut(key, description, target, "click");
        }

        public static Shortcut focus(String key, String description, String target) {
            return new Shortcut(key, description, target, "focus");
        }
    }

    /** @param global the page frame's: it also answers "?" with every key of the page */
    public KeyboardShortcuts(boolean global) {
        getElement().setProperty("global", global);
    }

    public void set(List<Shortcut> shortcuts) {
        getElement().setPropertyList("shortcuts", shortcuts);
    }
}
