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

    /**
     * A generated release of 400 images ({@code generate --images 400 --seed 5}: 40 datasets, volumes cut along x, y
     * and z into about 11 cases each, 2D sources one case per image), made once in the test temp folder.
     */
    public static Path generated() {
        Path generated = Path.of(System.getProperty("java.io.tmpdir"), "export-release");
        if (!Files.isDirectory(generated.resolve("SAMed2Dv1"))) {
            int status = org.samed2d.explorer.cli.CommandLine.run(new String[] {"generate", "--images", "400",
                    "--out", generated.toString(), "--seed", "5"}, System.out, System.err);
            if (status != 0) {
                throw new IllegalStateException("generate exited with " + status);
            }
        }
        return generated;
    }

    /** A copy of the sample release in {@code folder}/SAMed2Dv1, for tests that damage or delete its files. */
    public static Path copyOfRelease(Path folder) throws java.io.IOException {
        Path release = folder.resolve("SAMed2Dv1");
        org.springframework.util.FileSystemUtils.copyRecursively(miniRelease(), release);
        return release;
    }
}
