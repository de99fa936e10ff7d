package org.samed2d.explorer.ui.account;

import org.samed2d.explorer.ui.base.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.security.Account;
import org.samed2d.explorer.security.Role;
import org.samed2d.explorer.security.UserAccounts;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.samed2d.explorer.ui.base.GridRows;
import java.util.List;

/** Admins add accounts, change roles, disable accounts and rebuild the search index. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · SA-Med2D Explorer")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final UserAccounts accounts;
    private final Grid<Account> grid = new Grid<>();
    private final Paragraph message = new Paragraph();

    UsersView(UserAccounts accounts, SearchService search) {
        this.accounts = accounts;
        add(new H2("Users"));
        TextField username = new TextField("Name");
        username.setId("new-username");
        PasswordField password = new PasswordField("Password");
        password.setId("new-password");
        password.setHelperText("at least 12 characters");
        Select<Role> role = roleSelect();
        role.setLabel("Role");
        role.setValue(Role.RESEARCHER);
        role.setId("new-role");
        Button add = new Button("Add account", click -> {
            String name = username.getValue().strip();
            act(() -> {
                accounts.add(name, password.getValue(), role.getValue());
                message.setText("Added " + name);
                username.clear();
                password.clear();
            });
            accounts.find(name).ifPresent(this::show);
        });
        add.setId("add-account");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, password, role, add);
        form.setAlignItems(Alignment.BASELINE);
        message.setId("users-message");
        add(form, message);

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Account::username).setHeader("Name");
        grid.addColumn(new ComponentRenderer<>(account -> {
            Select<Role> select = roleSelect();
            select.setValue(account.role());
            select.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    act(() -> accounts.changeRole(account.username(), event.getValue()));
                }
            });
            return select;
        })).setHeader("Role");
        grid.addColumn(new ComponentRenderer<>(account -> {
            Checkbox enabled = new Checkbox(account.enabled());
            enabled.addValueChangeListener(event -> {
                if (event.isFromClient()) {
                    act(() -> accounts.enable(account.username(), event.getValue()));
                }
            });
            return enabled;
        })).setHeader("Enabled");
        grid.addColumn(account -> account.created().toString().substring(0, 10)).setHeader("Created");
        grid.setId("accounts");
        add(grid);

        add(new H3("Search index"), new Paragraph("Rebuilding reads every mask from the catalog again; searches answer "
                + "from the current index until it is done. The Status page shows its progress."));
        Button reindex = new Button("Rebuild the index", click -> {
            search.rebuildInBackground();
            message.setText("Rebuilding the search index; see the Status page");
        });
        reindex.setId("reindex");
        add(reindex);
        refresh();
    }

    private static Select<Role> roleSelect() {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(Role::parameter);
        return select;
    }

    private void act(Runnable change) {
        try {
            change.run();
            refresh();
        } catch (InvalidParameterException e) {
            message.setText(e.getMessage());
        }
    }

    /** The account selected and scrolled to: in a long list of accounts a new one may be far down. */
    private void show(Account account) {
        grid.select(account);
        grid.scrollToItem(account);
    }

    private void refresh() {
        List<Account> all = accounts.list();
        grid.setItems(all);
        GridRows.fit(grid, all.size());
    }
}
