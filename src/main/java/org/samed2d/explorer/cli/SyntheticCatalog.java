package org.samed2d.explorer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.samed2d.explorer.catalog.IndexedMask;

/**
 * Catalog rows without pixels at release scale, for the search bench: 100 datasets with Zipf-like sizes (the first
 * 40 with real names and modality strings), about 300 class names, 1 to 8 masks per image (4.3 on average, as in
 * the release), log-normal mask areas. Deterministic for a seed.
 */
final class SyntheticCatalog {

    private static final int DATASETS = 100;
    private static final String[] SIDES = {"", "_left", "_right", "_upper", "_lower", "_tumor", "_lesion", "_vessel"};

    private record Source(String name, String modality, boolean volume, List<String> labels, int width, int height) {
    }

    private final List<Source> sources = new ArrayList<>();
    private final double[] cumulative = new double[DATASETS];

    SyntheticCatalog(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double total = 0;
        for (int i = 0; i < DATASETS; i++) {
            String[] real = SyntheticRelease.DATASETS[i % SyntheticRelease.DATASETS.length];
            String name = i < SyntheticRelease.DATASETS.length ? real[0] : real[0] + "_part" + (i / SyntheticRelease.DATASETS.length);
            String modality = real[1];
            boolean volume = modality.startsWith("ct") || modality.startsWith("mr") || modality.startsWith("pet");
            List<String> labels = new ArrayList<>();
            int labelCount = 2 + random.nextInt(volume ? 30 : 5);
            while (labels.size() < labelCount) {
                String label = SyntheticRelease.ORGANS[random.nextInt(SyntheticRelease.ORGANS.length)]
                        + SIDES[random.nextInt(SIDES.length)];
                if (!labels.contains(label)) {
                    labels.add(label);
                }
            }
            int[][] sizes = {{512, 512}, {256, 256}, {640, 480}, {1024, 1024}, {384, 384}, {320, 290}};
            int[] size = sizes[random.nextInt(sizes.length)];
            sources.add(new Source(name, modality, volume, labels, size[0], size[1]));
            total += 1.0 / Math.pow(i + 1, 1.1);
            cumulative[i] = total;
        }
        for (int i = 0; i < DATASETS; i++) {
            cumulative[i] /= total;
        }
    }

    /** Emits masks of images {@code [firstImage, firstImage + images)}; mask ids are derived from image ids. */
    void emit(long firstImage, long images, long seed, Consumer<IndexedMask> sink) {
        SplittableRandom random = new SplittableRandom(seed ^ firstImage);
        for (long image = firstImage; image < firstImage + images; image++) {
            Source source = pick(random);
            String axis = source.volume() ? new String[] {"x", "y", "z"}[random.nextInt(3)] : "2d";
            Integer slice = source.volume() ? random.nextInt(400) : null;
            String caseName = source.name().toLowerCase(java.util.Locale.ROOT) + "_" + random.nextInt(2000);
            int masks = 1 + random.nextInt(4) + random.nextInt(5);
            int cut = source.modality().lastIndexOf('_');
            String base = source.modality().startsWith("x_ray") || source.modality().startsWith("fundus")
                    ? source.modality() : source.modality().substring(0, cut);
            String sub = base.equals(source.modality()) || source.modality().endsWith("_00") ? null
                    : source.modality().substring(cut + 1);
            for (int m = 0; m < masks; m++) {
                int labelIndex = random.nextInt(source.labels().size());
                long area = Math.max(1, Math.min((long) source.width() * source.height(),
                        Math.round(Math.exp(6 + 1.8 * random.nextDouble() + 1.2 * random.nextDouble() * 2))));
                long id = image * 16 + m;
                sink.accept(new IndexedMask(id, id, image, source.name(), source.modality(), base, sub, caseName,
                        axis, slice, source.labels().get(labelIndex), "%04d".formatted(labelIndex + 1), 0, area,
                        source.width(), source.height()));
            }
        }
    }

    /** Values users would click, for building query mixes. */
    List<String> datasetNames() {
        return sources.stream().map(Source::name).toList();
    }

    List<String> labelNames() {
        return sources.stream().flatMap(s -> s.labels().stream()).distinct().toList();
    }

    private Source pick(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u <= cumulative[i]) {
                return sources.get(i);
            }
        }
        return sources.getLast();
    }
}
