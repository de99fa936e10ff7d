package org.samed2d.explorer.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.samed2d.explorer.ExplorerApplication;
import org.springframework.boot.SpringApplication;

/**
 * Entry point. With no command (or only {@code --options}) it starts the portal; {@code ingest} and {@code generate}
 * run once and exit with their status.
 */
public final class CommandLine {

    static final String USAGE = """
            Usage: java -jar sa-med2d-explorer.jar [COMMAND] [OPTIONS]

            Commands:
              (none)                     start the portal on http://localhost:8080
              ingest PATH                ingest a release: its folder (or parent), a ZIP, or the .zip of a split ZIP
              reindex                    rebuild the search index from the catalog (with the portal stopped)
              evaluate [NAME=VALUE ...] [--limit N] [--prompts box,1point,3points] [--model NAME]
                                         segment each matching mask from a box (and points) taken from it and
                                         print the mean Dice overall and per modality, dataset and label
              export --format sa-med2d|coco|manifest --out FILE.zip [NAME=VALUE ...] [--include-restricted]
                                         write the matching subset as a ZIP (see the README's Exports)
              user add NAME --role viewer|researcher|admin [--password-file F]
                                         add an account (the password from the file, EXPLORER_USER_PASSWORD
                                         or a prompt); also: user list, user role NAME ROLE, user disable NAME,
                                         user enable NAME, user token NAME --name LABEL [--days N]
              generate --images N --out DIR [--split-zip SIZE] [--seed S]
                                         write a synthetic release in the exact SA-Med2D layout (for benchmarks)
              bench-search --masks N --out DIR [--queries Q]
                                         time index build, counts+facets and first pages on N synthetic masks
              bench-load [--url U] [--clients 50] [--seconds 60] [--token T] [--with-jobs true] [--metrics-every S]
                                         many REST clients against a running portal; latency percentiles, errors
              help                       this text

            Options (any command that uses the catalog):
              --explorer.data-dir=DIR    data directory (default ./data, or EXPLORER_DATA_DIR)
              --spring.datasource.url=URL --spring.datasource.username=U --spring.datasource.password=P
                                         use this PostgreSQL instead of the embedded one
              --explorer.sample=false    (portal) do not ingest the bundled sample into an empty catalog
            """;

    private CommandLine() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(USAGE);
            return;
        }
        if (args.length == 0 || args[0].startsWith("--")) {
            SpringApplication.run(ExplorerApplication.class, args);
            return;
        }
        int status = run(args, System.out, System.err);
        System.exit(status);
    }

    /** Runs a command and returns its exit status, without exiting the JVM (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "ingest" -> new IngestCommand(out, err).run(rest);
            case "generate" -> new GenerateCommand(out, err).run(rest);
            case "reindex" -> new ReindexCommand(out, err).run(rest);
            case "evaluate" -> new EvaluateCommand(out, err).run(rest);
            case "export" -> new ExportCommand(out, err).run(rest);
            case "user" -> new UserCommand(out, err).run(rest);
            case "bench-search" -> new SearchBenchCommand(out, err).run(rest);
            case "bench-load" -> new LoadBenchCommand(out, err).run(rest);
            case "help", "-h", "--help" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> {
                err.println("unknown command '" + args[0] + "'");
                err.print(USAGE);
                yield 2;
            }
        };
    }
}
