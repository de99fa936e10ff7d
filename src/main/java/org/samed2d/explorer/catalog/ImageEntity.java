package org.samed2d.explorer.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "image")
class ImageEntity {

    @Id
    private Long id;
    private String path;
    @Column(name = "base_modality")
    private String baseModality;
    @Column(name = "dataset_id")
    private Integer datasetId;
    private int width;
    private int height;
    private @Nullable Integer slice;

    protected ImageEntity() {
        this.id = 0L;
        this.path = "";
        this.baseModality = "";
        this.datasetId = 0;
    }
}
