package org.samed2d.explorer.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/image/42?label=liver&at=24", "/datasets/AMOS2022", "/?q=liver%20ct",
            "/datasets/a.b", "/?q=..", "/...x"})
    void a_path_of_the_portal_is_where_sign_in_returns(String path) {
        assertThat(ReturnPath.of(path)).hasValue(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "evil", "",
            "/login", "/login?error", "/a\nb", "/a b", "/..//evil.example/x", "/%2e%2e//evil.example/",
            "/.//evil.example/", "/%2E/", "/image/../users", "/a/..", "/.?x=1"})
    void anything_that_could_leave_the_portal_or_loop_is_refused(String path) {
        assertThat(ReturnPath.of(path)).isEmpty();
    }
}
