package org.samed2d.explorer.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.shared.BinaryMask;

/** SAM-Med2D test.py's frame, prompts and Dice, on masks whose answers can be worked out by hand. */
class SamMed2dPromptsTest {

    private static BinaryMask rectangles(int width, int height, int[]... boxes) {
        boolean[] on = new boolean[width * height];
        for (int[] box : boxes) {
            for (int y = box[1]; y <= box[3]; y++) {
                for (int x = box[0]; x <= box[2]; x++) {
                    on[y * width + x] = true;
                }
            }
        }
        return new BinaryMask(on, width, height);
    }

    @Test
    void a_mask_of_512_pixels_is_taken_to_256_by_every_second_pixel_and_boxed_past_its_last_one() {
        // columns 10..109 and rows 20..69 at 512: frame pixel x takes source column floor(2x), so 5..54 and 10..34
        BinaryMask mask = rectangles(512, 512, new int[] {10, 20, 109, 69}, new int[] {300, 300, 309, 309});
        SamMed2dFrame frame = new SamMed2dFrame(512, 512);

        boolean[] framed = frame.apply(mask);

        assertThat(frame.padded()).isFalse();
        assertThat(SamMed2dPrompts.box(framed)).containsExactly(5, 10, 55, 35);
        assertThat(frame.imageX(55)).isEqualTo(110);
        assertThat(frame.imageY(35)).isEqualTo(70);
    }

    @Test
    void a_side_above_256_is_stretched_even_when_the_other_is_below_it() {
        // 258 x 181: frame column x takes source column floor(x * 258 / 256), row y takes floor(y * 181 / 256), so
        // source pixel (256, 179) is frame pixel (255, 254) alone, and the last column, 257, is never taken
        SamMed2dFrame frame = new SamMed2dFrame(258, 181);

        boolean[] framed = frame.apply(rectangles(258, 181, new int[] {256, 179, 256, 179}));

        assertThat(frame.padded()).isFalse();
        assertThat(SamMed2dPrompts.box(framed)).containsExactly(255, 254, 256, 255);
        assertThat(SamMed2dPrompts.box(frame.apply(rectangles(258, 181, new int[] {257, 180, 257, 180})))).isNull();
        assertThat(frame.imageX(256)).isEqualTo(258);
        assertThat(frame.imageY(128)).isEqualTo(90.5);
    }

    @Test
    void an_image_smaller_than_256_on_both_sides_is_padded_centred() {
        // 225 x 155: left (256 - 225) // 2 = 15, top (256 - 155) // 2 = 50
        BinaryMask mask = rectangles(225, 155, new int[] {0, 0, 0, 0}, new int[] {100, 40, 119, 59});
        SamMed2dFrame frame = new SamMed2dFrame(225, 155);

        boolean[] framed = frame.apply(mask);

        assertThat(frame.padded()).isTrue();
        assertThat(framed[50 * 256 + 15]).isTrue();
        assertThat(framed[49 * 256 + 15]).isFalse();
        assertThat(SamMed2dPrompts.box(framed)).containsExactly(115, 90, 135, 110);
        assertThat(frame.imageX(115)).isEqualTo(100);
        assertThat(frame.imageY(110)).isEqualTo(60);
    }

    @Test
    void the_box_is_of_the_largest_8_connected_region_and_the_first_of_equals() {
        // two 2x2 squares touching only at a corner are one region of 8 pixels, larger than a 2x3 block of 6
        BinaryMask corners = rectangles(256, 256, new int[] {10, 10, 11, 11}, new int[] {12, 12, 13, 13},
                new int[] {100, 100, 101, 102});
        BinaryMask equals = rectangles(256, 256, new int[] {200, 5, 201, 6}, new int[] {50, 50, 51, 51});

        assertThat(SamMed2dPrompts.box(new SamMed2dFrame(256, 256).apply(corners))).containsExactly(10, 10, 14, 14);
        assertThat(SamMed2dPrompts.box(new SamMed2dFrame(256, 256).apply(equals))).containsExactly(200, 5, 202, 7);
        assertThat(SamMed2dPrompts.box(new boolean[256 * 256])).isNull();
    }

    @Test
    void three_points_are_one_positive_and_two_negative_and_one_point_is_positive() {
        boolean[] framed = new SamMed2dFrame(256, 256).apply(rectangles(256, 256, new int[] {40, 60, 99, 119}));

        for (long seed = 0; seed < 20; seed++) {
            FramePrompt three = SamMed2dPrompts.points(framed, 3, new SplittableRandom(seed));
            int positives = 0;
            for (int i = 0; i < 3; i++) {
                int x = (int) three.coords()[2 * i];
                int y = (int) three.coords()[2 * i + 1];
                assertThat(framed[y * 256 + x]).isEqualTo(three.labels()[i] == 1);
                positives += three.labels()[i];
            }
            assertThat(positives).isEqualTo(1);
            FramePrompt one = SamMed2dPrompts.points(framed, 1, new SplittableRandom(seed));
            assertThat(one.labels()).containsExactly(1);
            assertThat(framed[(int) one.coords()[1] * 256 + (int) one.coords()[0]]).isTrue();
        }
        FramePrompt onlyPixel = SamMed2dPrompts.points(new SamMed2dFrame(256, 256)
                .apply(rectangles(256, 256, new int[] {7, 9, 7, 9})), 1, new SplittableRandom(1));
        assertThat(onlyPixel.coords()).containsExactly(7, 9);
        assertThat(SamMed2dPrompts.points(framed, 5, new SplittableRandom(3)).labels()).containsExactlyInAnyOrder(
                1, 1, 0, 0, 0);
    }

    @Test
    void the_next_click_comes_from_the_error_region_positive_where_missed_negative_where_too_much() {
        boolean[] truth = new boolean[256 * 256];
        boolean[] predicted = new boolean[256 * 256];
        truth[3 * 256 + 4] = true;

        FramePrompt missed = SamMed2dPrompts.click(predicted, truth, new SplittableRandom(1));
        predicted[3 * 256 + 4] = true;
        predicted[200 * 256 + 100] = true;
        FramePrompt tooMuch = SamMed2dPrompts.click(predicted, truth, new SplittableRandom(1));
        predicted[200 * 256 + 100] = false;
        FramePrompt none = SamMed2dPrompts.click(predicted, truth, new SplittableRandom(1));

        assertThat(missed.coords()).containsExactly(4, 3);
        assertThat(missed.labels()).containsExactly(1);
        assertThat(tooMuch.coords()).containsExactly(100, 200);
        assertThat(tooMuch.labels()).containsExactly(0);
        assertThat(none.labels()).containsExactly(-1);
    }

    @Test
    void dice_is_test_pys_rounded_to_4_decimals_with_its_threshold() {
        BinaryMask truth = new BinaryMask(new boolean[] {true, true, false, false}, 2, 2);

        // 2 of 3 predicted pixels on the mask of 2: (4 + 1e-7) / (5 + 1e-7)
        assertThat(SamMed2dProtocol.dice(new float[] {3, 1, 2, -1}, truth)).isEqualTo(0.8);
        // 1 of 1 on the mask of 2: 2 / 3
        assertThat(SamMed2dProtocol.dice(new float[] {2, -1, -1, -1}, truth)).isEqualTo(0.6667);
        // no negative logit: test.py compares the raw logits with 0.5, so 0.3 is off
        assertThat(SamMed2dProtocol.dice(new float[] {0.3f, 0.7f, 0.6f, 0.2f}, truth)).isEqualTo(0.5);
        // nothing predicted, nothing there: 1e-7 / 1e-7
        assertThat(SamMed2dProtocol.dice(new float[] {-1, -1, -1, -1},
                new BinaryMask(new boolean[4], 2, 2))).isEqualTo(1.0);
    }

    @Test
    void draws_are_seeded_by_the_mask_file_name_and_what_is_drawn() {
        boolean[] framed = new SamMed2dFrame(256, 256).apply(rectangles(256, 256, new int[] {40, 60, 99, 119}));
        String name = "ct_00--AMOS2022--amos_0006--z_0090--0003_000.png";

        FramePrompt first = SamMed2dPrompts.points(framed, 3, SamMed2dProtocol.random(name, "3points"));
        FramePrompt again = SamMed2dPrompts.points(framed, 3, SamMed2dProtocol.random(name, "3points"));
        FramePrompt other = SamMed2dPrompts.points(framed, 3, SamMed2dProtocol.random(name + "x", "3points"));

        assertThat(again.coords()).containsExactly(first.coords());
        assertThat(other.coords()).isNotEqualTo(first.coords());
    }
}
