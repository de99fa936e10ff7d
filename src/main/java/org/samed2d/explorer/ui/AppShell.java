package org.samed2d.explorer.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: Lumo as the base theme and our styles on top. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/explorer.css")
class AppShell implements AppShellConfigurator {
}
