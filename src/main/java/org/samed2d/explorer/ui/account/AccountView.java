package org.samed2d.explorer.ui.account;

import org.samed2d.explorer.ui.base.BrowserSession;
import org.samed2d.explorer.ui.base.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.ApiTokens;
import org.samed2d.explorer.security.PortalAccess;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.samed2d.explorer.ui.base.GridRows;

/** The visitor's account: their role, and their personal API tokens (created here, shown once, revocable). */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("Account · SA-Med2D Explorer")
@PermitAll
public class AccountView extends VerticalLayout {

    private final ApiTokens tokens;
    private final Clock clock;
    private final Account account;
    private final Grid<ApiTokens.TokenInfo> grid = new Grid<>();

    AccountView(PortalAccess access, ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        this.account = access.account(BrowserSession.authentication()).orElseThrow();
        add(new H2(account.username()), new Paragraph("Role: " + account.role().parameter()));

        add(new H3("API tokens"), new Paragraph("Scripts send a token as 'Authorization: Bearer TOKEN'. It acts with your "
                + "role, so keep it secret; revoke it here when it is no longer needed."));
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setPlaceholder("e.g. training laptop");
        IntegerField days = new IntegerField("Valid for (days)");
        days.setId("token-days");
        days.setValue(90);
        TextField issued = new TextField("Your new token (shown only now)");
        issued.setId("new-token");
        issued.setReadOnly(true);
        issued.setWidthFull();
        issued.setVisible(false);
        Button copy = new Button("Copy", VaadinIcon.COPY.create(), click -> {
            click.getSource().getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)",
                    issued.getValue());
            Notification.show("Token copied; it is shown only here and now", 3000, Notification.Position.BOTTOM_START);
        });
        copy.setId("copy-token");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        issued.setSuffixComponent(copy);
        Paragraph error = new Paragraph();
        error.addClassName("error-text");
        Button create = new Button("Create token", click -> {
            try {
                ApiTokens.IssuedToken token = tokens.create(account.username(), name.getValue(),
                        days.getValue() == null ? 0 : days.getValue());
                issued.setValue(token.token());
                issued.setVisible(true);
                error.setText("");
                name.clear();
                refresh();
            } catch (InvalidParameterException e) {
                error.setText(e.getMessage());
            }
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, days, create);
        form.setAlignItems(Alignment.BASELINE);
        add(form, error, issued);

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ApiTokens.TokenInfo::name).setHeader("Name");
        grid.addColumn(token -> token.prefix() + "…").setHeader("Starts with");
        grid.addColumn(token -> day(token.created().toString())).setHeader("Created");
        grid.addColumn(token -> day(token.expires().toString())).setHeader("Expires");
        grid.addColumn(token -> token.lastUsed() == null ? "never" : day(token.lastUsed().toString())).setHeader("Last used");
        grid.addColumn(new ComponentRenderer<>(token -> {
            if (!token.active(clock.instant())) {
                return new Paragraph(token.revoked() != null ? "revoked" : "expired");
            }
            Button revoke = new Button("Revoke", click -> {
                tokens.revoke(account.username(), token.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            return revoke;
        })).setHeader("State");
        grid.setId("tokens");
        add(grid);
        refresh();
    }

    private static String day(String instant) {
        return instant.substring(0, 10);
    }

    private void refresh() {
        var mine = tokens.list(account.username());
        grid.setItems(mine);
        GridRows.fit(grid, mine.size());
    }
}
