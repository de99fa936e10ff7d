package org.samed2d.explorer.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileSource;
import org.samed2d.explorer.catalog.StoredFile;

/** A plan's reference to a catalogued file gives back the file it was made from, whatever was decoded before it. */
class StoredFileRefTest {

    private static final FileSource SPLIT_ZIP = new FileSource(3, "/data/release/SAMed2D.zip",
            FileSource.Kind.ZIP, "SAMed2Dv1/");
    private static final StoredFile IN_ARCHIVE = new StoredFile(SPLIT_ZIP, "masks/ct_00--a--b--0001_000.png",
            new FileLocation(2_345, null, new FileLocation.ArchiveEntry(7_000_000_000L, 1_234, 8)));
    private static final StoredFile IN_FOLDER = new StoredFile(new FileSource(4, "/data/SAMed2Dv1",
            FileSource.Kind.FOLDER, ""), "images/ct_00--a--b--0001.png", new FileLocation(99, null, null));

    @Test
    void a_file_in_an_archive_and_one_in_a_folder_come_back_as_they_were_with_the_crc_asked_for() {
        assertThat(StoredFileRef.decode(StoredFileRef.encode(IN_ARCHIVE))).isEqualTo(IN_ARCHIVE);
        assertThat(StoredFileRef.decode(StoredFileRef.encode(IN_FOLDER))).isEqualTo(IN_FOLDER);
        assertThat(StoredFileRef.decode(StoredFileRef.encode(IN_ARCHIVE), 0xCAFEL).location().crc()).isEqualTo(0xCAFEL);
    }

    @Test
    void a_source_id_reused_for_another_release_decodes_to_that_release() {
        StoredFileRef.decode(StoredFileRef.encode(IN_ARCHIVE));
        StoredFile restored = new StoredFile(new FileSource(3, "/data/other/SAMed2D.zip", FileSource.Kind.ZIP,
                "SAMed2Dv1/"), IN_ARCHIVE.releasePath(), IN_ARCHIVE.location());

        assertThat(StoredFileRef.decode(StoredFileRef.encode(restored)).source()).isEqualTo(restored.source());
        assertThat(StoredFileRef.decode(StoredFileRef.encode(IN_ARCHIVE)).source()).isEqualTo(SPLIT_ZIP);
    }

    @Test
    void the_stretch_of_an_archive_entry_is_read_from_the_end_of_its_ref_and_a_folder_file_has_none() {
        assertThat(StoredFileRef.stretch(StoredFileRef.encode(IN_ARCHIVE)))
                .isEqualTo(new StoredFileRef.Stretch(3, 7_000_000_000L, 7_000_001_234L));
        assertThat(StoredFileRef.stretch(StoredFileRef.encode(IN_FOLDER))).isNull();
    }

    @Test
    void a_ref_cut_short_is_refused_naming_what_it_lacks() {
        assertThatThrownBy(() -> StoredFileRef.decode("3\u001fZIP\u001f/data/x.zip"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 fields, not 9");
    }
}
