package org.samed2d.explorer.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "dataset")
class DatasetEntity {

    @Id
    private Integer id;
    private String name;
    private @Nullable String licence;
    private @Nullable String citation;

    protected DatasetEntity() {
        this.id = 0;
        this.name = "";
    }

    Integer id() {
        return id;
    }

    String name() {
        return name;
    }
}
