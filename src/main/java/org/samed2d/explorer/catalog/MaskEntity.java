package org.samed2d.explorer.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "mask")
class MaskEntity {

    @Id
    private Long id;
    @Column(name = "image_id")
    private Long imageId;
    @Column(name = "label_id")
    private Integer labelId;
    private int instance;
    private String path;
    private @Nullable Long area;

    protected MaskEntity() {
        this.id = 0L;
        this.imageId = 0L;
        this.labelId = 0;
        this.path = "";
    }
}
