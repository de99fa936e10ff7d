package org.samed2d.explorer.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "file_source")
class FileSourceEntity {

    @Id
    private Integer id;
    private String location;
    private String kind;
    private String prefix;

    protected FileSourceEntity() {
        this.id = 0;
        this.location = "";
        this.kind = "";
        this.prefix = "";
    }

    FileSource toRecord() {
        return new FileSource(id, location, FileSource.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), prefix);
    }
}
