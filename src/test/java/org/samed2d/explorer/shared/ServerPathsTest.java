package org.samed2d.explorer.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerPathsTest {

    @Test
    void absolute_paths_keep_only_their_last_name_and_release_paths_stay() {
        assertThat(ServerPaths.hidden("images/ct_00--AMOS2022--amos_0001--x_0071.png in /data/releases/SAMed2Dv1: "
                + "/data/releases/SAMed2Dv1/images/ct_00--AMOS2022--amos_0001--x_0071.png"))
                .isEqualTo("images/ct_00--AMOS2022--amos_0001--x_0071.png in SAMed2Dv1: "
                        + "ct_00--AMOS2022--amos_0001--x_0071.png");
        assertThat(ServerPaths.hidden("the release at /srv/data/SAMed2D.zip (/srv/data/SAMed2D.z01) cannot be opened"))
                .isEqualTo("the release at SAMed2D.zip (SAMed2D.z01) cannot be opened");
        assertThat(ServerPaths.hidden("a folder with a space: /srv/my data/x.png")).doesNotContain("/srv");
        assertThat(ServerPaths.hidden("no mask matches it")).isEqualTo("no mask matches it");
        assertThat(ServerPaths.hidden(null)).isNull();
    }
}
