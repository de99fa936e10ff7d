package org.samed2d.explorer.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Archives made with Info-ZIP's zip, the tool the release itself was split with. */
final class ZipFixtures {

    private ZipFixtures() {
    }

    /** {@code zip -s SIZE}: NAME.zip plus NAME.z01 ... in {@code target}, holding {@code SAMed2Dv1/} of {@code parent}. */
    static Path splitZip(Path parent, Path target, String name, String size) throws IOException, InterruptedException {
        Path zip = target.resolve(name + ".zip");
        run(parent, "zip", "-q", "-r", "-s", size, zip.toString(), "SAMed2Dv1");
        return zip;
    }

    static Path plainZip(Path parent, Path target, String fileName) throws IOException, InterruptedException {
        Path zip = target.resolve(fileName);
        run(parent, "zip", "-q", "-r", zip.toString(), "SAMed2Dv1");
        return zip;
    }

    static List<Path> parts(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.(z\\d\\d|zip)")).sorted().toList();
        }
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed with status " + process.exitValue());
        }
    }
}
