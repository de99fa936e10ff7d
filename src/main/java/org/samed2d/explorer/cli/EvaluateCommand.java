package org.samed2d.explorer.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.IndexBusyException;
import org.samed2d.explorer.search.InvalidQueryException;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.segment.EvaluationReport;
import org.samed2d.explorer.segment.EvaluationService;
import org.samed2d.explorer.segment.InvalidPromptException;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code evaluate [label=liver ...] [--limit N] [--prompts box,1point,3points]}: the evaluation protocol, printed. */
final class EvaluateCommand {

    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        List<String> springArgs = CommandContext.defaultArguments();
        Map<String, List<String>> filter = new LinkedHashMap<>();
        int limit = 100;
        List<String> prompts = List.of("box");
        String model = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help")) {
                out.println("Usage: java -jar sa-med2d-explorer.jar evaluate [NAME=VALUE ...] [--limit N]"
                        + " [--prompts box,1point,3points] [--model NAME]   (NAME=VALUE: the query API's filters)");
                return 0;
            } else if (arg.equals("--limit") && i + 1 < args.length) {
                limit = Integer.parseInt(args[++i]);
            } else if (arg.equals("--prompts") && i + 1 < args.length) {
                prompts = List.of(args[++i].split(","));
            } else if (arg.equals("--model") && i + 1 < args.length) {
                model = args[++i];
            } else if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else if (arg.contains("=")) {
                filter.computeIfAbsent(arg.substring(0, arg.indexOf('=')), k -> new ArrayList<>())
                        .add(arg.substring(arg.indexOf('=') + 1));
            } else {
                err.println("evaluate: expected NAME=VALUE filters or --options, found '" + arg + "'");
                return 2;
            }
        }
        try (ConfigurableApplicationContext context = CommandContext.start(springArgs)) {
            context.getBean(SearchService.class).catchUp();
            EvaluationService evaluations = context.getBean(EvaluationService.class);
            EvaluationReport report = evaluations.start(FilterParser.parse(filter, Set.of()), limit, prompts, model);
            while (report.state().equals("running")) {
                Thread.sleep(2000);
                report = evaluations.report(report.id()).orElseThrow();
                out.printf("evaluate %,d/%,d masks %3.0f%% %.1f masks/s%n", report.done(), report.total(),
                        report.progress() * 100, report.masksPerSecond());
            }
            if (report.state().equals("failed")) {
                err.println("evaluate: failed: " + report.error());
                return 1;
            }
            print(report);
            return 0;
        } catch (InvalidQueryException | InvalidPromptException | IndexBusyException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void print(EvaluationReport report) {
        out.printf("Model %s, %,d masks, %.1f masks/s%n", report.model(), report.done(), report.masksPerSecond());
        report.meanDice().forEach((prompt, groups) -> {
            out.printf("%s prompts: mean Dice %.3f overall%n", prompt, groups.getOrDefault("overall", Double.NaN));
            groups.forEach((group, dice) -> {
                if (!group.equals("overall")) {
                    out.printf("  %-40s %6d masks  %.3f%n", group, report.counts().getOrDefault(group, 0L), dice);
                }
            });
        });
    }
}
