package org.samed2d.explorer.savedview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.ExplorerTest;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExplorerTest
class SavedViewServiceTest {

    @Autowired
    SavedViewService views;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noViews() {
        jdbc.sql("delete from saved_view where owner in ('ann', 'bob')").update();
    }

    @Test
    void a_view_is_saved_listed_newest_first_renamed_and_deleted() {
        SavedView liver = views.save("ann", "  Liver CT ", "modality=ct&label=liver");
        SavedView spleen = views.save("ann", "Spleen", "label=spleen&sort=-area");
        assertThat(liver.name()).isEqualTo("Liver CT");
        assertThat(views.list("ann")).extracting(SavedView::name).containsExactly("Spleen", "Liver CT");

        views.rename("ann", liver.id(), "Liver in CT");
        assertThat(views.list("ann")).extracting(SavedView::name, SavedView::query).containsExactly(
                org.assertj.core.api.Assertions.tuple("Liver in CT", "modality=ct&label=liver"),
                org.assertj.core.api.Assertions.tuple("Spleen", "label=spleen&sort=-area"));

        views.delete("ann", spleen.id());
        assertThat(views.list("ann")).extracting(SavedView::name).containsExactly("Liver in CT");
    }

    @Test
    void a_name_is_used_once_per_owner() {
        views.save("ann", "Liver", "label=liver");
        assertThatThrownBy(() -> views.save("ann", "Liver", "label=liver&modality=ct"))
                .isInstanceOf(InvalidParameterException.class).hasMessage("name: you already have a view named 'Liver'");
        SavedView bobs = views.save("bob", "Liver", "label=liver");
        assertThat(bobs.name()).isEqualTo("Liver");
        assertThatThrownBy(() -> views.save("ann", " ", "")).hasMessage("name: give the view a name");
    }

    @Test
    void another_owners_view_cannot_be_seen_renamed_or_deleted() {
        SavedView anns = views.save("ann", "Mine", "label=liver");
        assertThat(views.list("bob")).isEmpty();
        assertThatThrownBy(() -> views.rename("bob", anns.id(), "Taken")).hasMessage("id: no saved view " + anns.id());
        assertThatThrownBy(() -> views.delete("bob", anns.id())).hasMessage("id: no saved view " + anns.id());
        assertThat(views.list("ann")).extracting(SavedView::name).containsExactly("Mine");
    }
}
