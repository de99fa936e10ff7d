package org.samed2d.explorer.ui.base;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: Lumo as the base theme, our styles on top, the icon. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/explorer.css")
class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/icon.svg", "any");
    }
}
