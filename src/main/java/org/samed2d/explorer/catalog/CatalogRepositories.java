package org.samed2d.explorer.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImageRepository extends JpaRepository<ImageEntity, Long> {

    /** Distinct base modalities by a loose index scan: one index probe per modality, not a scan of every image. */
    @Query(nativeQuery = true, value = """
            with recursive m(v) as (
                (select base_modality from image order by base_modality limit 1)
                union all
                select (select base_modality from image where base_modality > m.v order by base_modality limit 1)
                from m where m.v is not null)
            select count(v) from m""")
    long countModalities();

    @Query(nativeQuery = true, value = "select count(*) from dataset d where exists (select 1 from image i where i.dataset_id = d.id)")
    long countDatasetsWithImages();
}

interface MaskRepository extends JpaRepository<MaskEntity, Long> {

    long countByAreaIsNull();

    @Query(nativeQuery = true, value = "select count(*) from label l where exists (select 1 from mask m where m.label_id = l.id)")
    long countLabelsInUse();
}

interface FileSourceRepository extends JpaRepository<FileSourceEntity, Integer> {
}
