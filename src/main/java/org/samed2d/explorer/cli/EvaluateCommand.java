package org.samed2d.explorer.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.IndexBusyException;
import org.samed2d.explorer.search.InvalidQueryException;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.Requester;
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
        if (CommandOptions.wantsHelp(args)) {
            out.println("Usage: java -jar sa-med2d-explorer.jar evaluate [NAME=VALUE ...] [--limit N]"
                    + " [--prompts box,1point,3points] [--model NAME]   (NAME=VALUE: the query API's filters)");
            return 0;
        }
        FilterCommandArguments arguments;
        int limit;
        try {
            arguments = FilterCommandArguments.parse(args, Set.of("limit", "prompts", "model"), Set.of());
            limit = Integer.parseInt(arguments.option("limit").orElse("100"));
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        }
        Map<String, List<String>> filter = arguments.filter();
        List<String> prompts = List.of(arguments.option("prompts").orElse("box").split(","));
        String model = arguments.option("model").orElse(null);
        List<String> springArgs = arguments.springArguments();
        try (ConfigurableApplicationContext context = CommandContext.start(springArgs)) {
            context.getBean(SearchService.class).catchUp();
            EvaluationService evaluations = context.getBean(EvaluationService.class);
            EvaluationReport report = evaluations.start(FilterParser.parse(filter, Set.of()), limit, prompts, model);
            while (report.state().equals("running")) {
                Thread.sleep(2000);
                report = evaluations.report(report.id(), Requester.OPERATOR).orElseThrow();
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
