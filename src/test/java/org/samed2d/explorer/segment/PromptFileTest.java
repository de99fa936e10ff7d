package org.samed2d.explorer.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Prompt files as SAM-Med2D's test.py writes and reads them with --prompt_path. */
class PromptFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, Object> json(String text) {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void reads_test_pys_own_file_with_one_point_and_its_deeper_list_of_three() {
        Map<String, FramePrompt> prompts = PromptFile.parse(json("""
                {"a.png": {"boxes": [[12.0, 34.0, 56.0, 78.0]], "point_coords": [[20.0, 40.0]], "point_labels": [1]},
                 "b.png": {"boxes": [[1, 2, 3, 4]], "point_coords": [[[5, 6], [7, 8], [9, 10]]],
                           "point_labels": [[0, 1, 0]]}}"""));

        assertThat(prompts.get("a.png").box()).containsExactly(12, 34, 56, 78);
        assertThat(prompts.get("a.png").coords()).containsExactly(20, 40);
        assertThat(prompts.get("a.png").labels()).containsExactly(1);
        assertThat(prompts.get("b.png").coords()).containsExactly(5, 6, 7, 8, 9, 10);
        assertThat(prompts.get("b.png").labels()).containsExactly(0, 1, 0);
    }

    @Test
    void writes_the_shape_test_pys_loader_needs_and_reads_it_back(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("prompts.json");
        try (PromptFile prompts = new PromptFile(file)) {
            prompts.put("m.png", new double[] {5, 10, 55, 35}, new FramePrompt(null, new double[] {7, 9, 200, 3, 1, 2},
                    new int[] {1, 0, 0}));
        }

        assertThat(Files.readString(file)).isEqualTo("{\n  \"m.png\": {\"boxes\": [[5.0, 10.0, 55.0, 35.0]],"
                + " \"point_coords\": [[7.0, 9.0], [200.0, 3.0], [1.0, 2.0]], \"point_labels\": [1, 0, 0]}\n}\n");
        FramePrompt read = PromptFile.parse(json(Files.readString(file))).get("m.png");
        assertThat(read.box()).containsExactly(5, 10, 55, 35);
        assertThat(read.coords()).containsExactly(7, 9, 200, 3, 1, 2);
        assertThat(read.labels()).containsExactly(1, 0, 0);
    }

    @Test
    void a_malformed_entry_is_refused_naming_it() {
        assertThatThrownBy(() -> PromptFile.parse(json("{\"a.png\": {\"boxes\": [[1, 2, 3]], \"point_coords\": [],"
                + " \"point_labels\": []}}"))).isInstanceOf(InvalidPromptException.class)
                .hasMessage("promptFile: entry 'a.png' boxes must hold one box of 4 numbers, got 3");
        assertThatThrownBy(() -> PromptFile.parse(json("{\"a.png\": {\"boxes\": [[1, 2, 3, 4]]}}")))
                .hasMessage("promptFile: entry 'a.png' has no point_coords (test.py reads all three)");
        assertThatThrownBy(() -> PromptFile.parse(json("{\"a.png\": {\"boxes\": [[1, 2, 3, 4]], \"point_coords\":"
                + " [[1, 2]], \"point_labels\": [2]}}")))
                .hasMessage("promptFile: entry 'a.png' point_labels must be 1, 0 or -1, got 2.0");
        assertThatThrownBy(() -> PromptFile.parse(json("{\"a.png\": {\"boxes\": [[1, 2, 3, 4]], \"point_coords\":"
                + " [[1, 2]], \"point_labels\": [1, 0]}}")))
                .hasMessage("promptFile: entry 'a.png' 2 point_labels for 1.0 point_coords");
    }

    @Test
    void prompt_kinds_are_named_as_test_pys_options() {
        assertThat(PromptKind.of("3points", true, false)).isEqualTo(new PromptKind("3points", PromptKind.Type.POINTS, 3));
        assertThat(PromptKind.of("5clicks", true, false).cost()).isEqualTo(5);
        assertThat(PromptKind.of("points", true, true).type()).isEqualTo(PromptKind.Type.FILE_POINTS);
        assertThatThrownBy(() -> PromptKind.of("5clicks", false, false)).hasMessageStartingWith(
                "prompts: the whole-mask protocol makes box, 1point and 3points");
        assertThatThrownBy(() -> PromptKind.of("3point", true, false)).hasMessageStartingWith(
                "prompts: the sam-med2d protocol makes");
        assertThatThrownBy(() -> PromptKind.of("3points", true, true)).hasMessageStartingWith(
                "prompts: with a prompt file, choose from box, points");
    }
}
