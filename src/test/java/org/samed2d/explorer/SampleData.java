package org.samed2d.explorer;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data in ../shared/data beside the checkout (CI has it there too). */
public final class SampleData {

    private SampleData() {
    }

    /** The SA-Med2D-layout sample: the folder that holds {@code SAMed2Dv1/}. 4 images, 30 masks, 2 datasets. */
    public static Path mini() {
        Path path = Path.of("..", "shared", "data", "sa-med2d-mini").toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("SAMed2Dv1"))) {
            throw new IllegalStateException("expected the shared sample at " + path);
        }
        return path;
    }

    public static Path miniRelease() {
        return mini().resolve("SAMed2Dv1");
    }

    /** A copy of the sample release in {@code folder}/SAMed2Dv1, for tests that damage or delete its files. */
    public static Path copyOfRelease(Path folder) throws java.io.IOException {
        Path release = folder.resolve("SAMed2Dv1");
        org.springframework.util.FileSystemUtils.copyRecursively(miniRelease(), release);
        return release;
    }
}
