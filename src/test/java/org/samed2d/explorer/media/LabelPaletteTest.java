package org.samed2d.explorer.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.catalog.DatasetLabel;

class LabelPaletteTest {

    private static final int COLOURS = LabelPalette.COLOURS.size();

    /** The sample's two datasets in their release order: AMOS2022, then TotalSegmentator. */
    private static final List<DatasetLabel> SAMPLE = rows(
            "AMOS2022", "aorta", "inferior_vena_cava", "liver", "spleen",
            "Totalsegmentator_dataset", "aorta", "autochthon_left", "autochthon_right", "colon", "femur_right",
            "gluteus_maximus_left", "gluteus_maximus_right", "heart_atrium_left", "heart_atrium_right", "heart_myocardium",
            "heart_ventricle_left", "heart_ventricle_right", "hip_left", "hip_right", "lung_lower_lobe_left",
            "lung_lower_lobe_right", "lung_middle_lobe_right", "lung_upper_lobe_left", "rib_left_9", "rib_right_9",
            "vertebrae_T9");

    @Test
    void every_two_palette_colours_are_far_apart_and_far_from_grey() {
        for (int i = 0; i < COLOURS; i++) {
            for (int j = i + 1; j < COLOURS; j++) {
                assertThat(Ciede2000.distance(LabelPalette.COLOURS.get(i), LabelPalette.COLOURS.get(j)))
                        .as("%s to %s", LabelPalette.COLOURS.get(i), LabelPalette.COLOURS.get(j)).isGreaterThan(16);
            }
            for (String neutral : List.of("#000000", "#404040", "#808080", "#c0c0c0", "#ffffff")) {
                assertThat(Ciede2000.distance(LabelPalette.COLOURS.get(i), neutral))
                        .as("%s to %s", LabelPalette.COLOURS.get(i), neutral).isGreaterThan(18);
            }
        }
    }

    @Test
    void the_classes_of_the_sample_all_get_different_colours() {
        Map<String, Integer> colours = PaletteAssignment.assign(SAMPLE, COLOURS);
        assertThat(colours).hasSize(24);
        assertThat(new HashSet<>(colours.values())).hasSize(24);
        assertThat(colours).containsEntry("aorta", 0).containsEntry("inferior_vena_cava", 1).containsEntry("liver", 2)
                .containsEntry("spleen", 3).containsEntry("autochthon_left", 4);
    }

    @Test
    void a_dataset_larger_than_the_palette_cycles_so_neighbouring_classes_differ() {
        List<String> ribs = new ArrayList<>(List.of("Big"));
        for (int rib = 1; rib <= 60; rib++) {
            ribs.add("rib_%02d".formatted(rib));
        }
        Map<String, Integer> colours = PaletteAssignment.assign(rows(ribs.toArray(String[]::new)), COLOURS);
        for (int rib = 1; rib <= 60; rib++) {
            assertThat(colours.get("rib_%02d".formatted(rib))).isEqualTo((rib - 1) % COLOURS);
        }
    }

    @Test
    void a_later_ingest_never_recolours_the_classes_users_have_seen() {
        Map<String, Integer> before = PaletteAssignment.assign(SAMPLE, COLOURS);
        List<DatasetLabel> more = new ArrayList<>(SAMPLE);
        more.addAll(rows("Later", "liver", "spleen", "kidney_left", "polyp", "instrument", "aorta")
                .stream().map(row -> new DatasetLabel(row.id() + 1000, row.name(), row.dataset())).toList());
        Map<String, Integer> after = PaletteAssignment.assign(more, COLOURS);
        before.forEach((name, colour) -> assertThat(after.get(name)).as(name).isEqualTo(colour));
        // the new names avoid the colours of the classes met before them in their dataset
        assertThat(List.of(after.get("kidney_left"), after.get("polyp"), after.get("instrument")))
                .doesNotContainAnyElementsOf(List.of(after.get("liver"), after.get("spleen")))
                .doesNotHaveDuplicates();
    }

    @Test
    void classes_added_to_an_earlier_dataset_never_recolour_the_datasets_after_it() {
        List<DatasetLabel> catalog = new ArrayList<>(SAMPLE);
        catalog.addAll(rows("Later", "heart", "lung_upper_lobe_left", "polyp").stream()
                .map(row -> new DatasetLabel(row.id() + 1000, row.name(), row.dataset())).toList());
        Map<String, Integer> before = PaletteAssignment.assign(catalog, COLOURS);
        // a second ingest brings new classes to the sample's first dataset, after every class already known
        String firstDataset = SAMPLE.getFirst().dataset();
        List<DatasetLabel> grown = new ArrayList<>(catalog);
        grown.add(new DatasetLabel(5000, "duodenum_new", firstDataset));
        grown.add(new DatasetLabel(5001, "bladder_new", firstDataset));
        Map<String, Integer> after = PaletteAssignment.assign(grown, COLOURS);
        before.forEach((name, colour) -> assertThat(after.get(name)).as(name).isEqualTo(colour));
    }

    @Test
    void a_name_the_catalog_does_not_know_still_gets_a_palette_colour() {
        LabelPalette.Colours colours = new LabelPalette.Colours(Map.of("liver", 2));
        assertThat(colours.hex("liver")).isEqualTo("#ff8000");
        assertThat(LabelPalette.COLOURS).contains(colours.hex("not_in_the_catalog"));
    }

    /** Dataset names start each run: a name with an upper-case letter begins a new dataset. */
    private static List<DatasetLabel> rows(String... datasetsAndNames) {
        List<DatasetLabel> rows = new ArrayList<>();
        String dataset = null;
        for (String value : datasetsAndNames) {
            if (!value.equals(value.toLowerCase(java.util.Locale.ROOT)) && !value.contains("_T")) {
                dataset = value;
            } else {
                rows.add(new DatasetLabel(rows.size() + 1, value, dataset));
            }
        }
        return rows;
    }

    /** CIEDE2000 colour difference of two sRGB colours (D65), after Sharma, Wu and Dalal (2005). */
    static final class Ciede2000 {
        static double distance(String first, String second) {
            double[] a = lab(first);
            double[] b = lab(second);
            double c1 = Math.hypot(a[1], a[2]);
            double c2 = Math.hypot(b[1], b[2]);
            double mean = Math.pow((c1 + c2) / 2, 7);
            double g = 0.5 * (1 - Math.sqrt(mean / (mean + Math.pow(25, 7))));
            double a1 = (1 + g) * a[1];
            double a2 = (1 + g) * b[1];
            double c1p = Math.hypot(a1, a[2]);
            double c2p = Math.hypot(a2, b[2]);
            double h1 = hue(a[2], a1);
            double h2 = hue(b[2], a2);
            double dL = b[0] - a[0];
            double dC = c2p - c1p;
            double dh = c1p * c2p == 0 ? 0 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
            double dH = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dh / 2));
            double lMean = (a[0] + b[0]) / 2;
            double cMean = (c1p + c2p) / 2;
            double hMean = c1p * c2p == 0 ? h1 + h2 : Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2
                    : h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
            double t = 1 - 0.17 * cos(hMean - 30) + 0.24 * cos(2 * hMean) + 0.32 * cos(3 * hMean + 6)
                    - 0.2 * cos(4 * hMean - 63);
            double rotation = 30 * Math.exp(-Math.pow((hMean - 275) / 25, 2));
            double rc = 2 * Math.sqrt(Math.pow(cMean, 7) / (Math.pow(cMean, 7) + Math.pow(25, 7)));
            double sl = 1 + 0.015 * Math.pow(lMean - 50, 2) / Math.sqrt(20 + Math.pow(lMean - 50, 2));
            double sc = 1 + 0.045 * cMean;
            double sh = 1 + 0.015 * cMean * t;
            double rt = -Math.sin(Math.toRadians(2 * rotation)) * rc;
            return Math.sqrt(Math.pow(dL / sl, 2) + Math.pow(dC / sc, 2) + Math.pow(dH / sh, 2)
                    + rt * (dC / sc) * (dH / sh));
        }

        private static double cos(double degrees) {
            return Math.cos(Math.toRadians(degrees));
        }

        private static double hue(double b, double a) {
            double h = Math.toDegrees(Math.atan2(b, a));
            return h < 0 ? h + 360 : h;
        }

        private static double[] lab(String hex) {
            int rgb = Integer.parseInt(hex.substring(1), 16);
            double r = linear((rgb >> 16 & 255) / 255.0);
            double g = linear((rgb >> 8 & 255) / 255.0);
            double b = linear((rgb & 255) / 255.0);
            double x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
            double y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
            double z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
            return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
        }

        private static double linear(double c) {
            return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
        }

        private static double f(double v) {
            return v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16.0 / 116;
        }
    }
}
