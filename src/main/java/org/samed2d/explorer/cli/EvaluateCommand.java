package org.samed2d.explorer.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samed2d.explorer.search.FilterParser;
import org.samed2d.explorer.search.IndexBusyException;
import org.samed2d.explorer.search.SearchService;
import org.samed2d.explorer.shared.Requester;
import org.samed2d.explorer.segment.EvaluationQuota;
import org.samed2d.explorer.segment.EvaluationReport;
import org.samed2d.explorer.segment.EvaluationRequest;
import org.samed2d.explorer.segment.EvaluationService;
import org.samed2d.explorer.shared.DataSplit;
import org.samed2d.explorer.shared.InvalidParameterException;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluate [label=liver ...] [--limit N] [--prompts box,1point,3points] [--protocol whole-mask|sam-med2d]
 * [--split ... --part test] [--prompt-path FILE] [--save-prompts DIR]}: an evaluation, printed.
 */
final class EvaluateCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (CommandOptions.wantsHelp(args)) {
            out.println("Usage: java -jar sa-med2d-explorer.jar evaluate [NAME=VALUE ...] [--limit N]"
                    + " [--prompts box,1point,3points] [--model NAME] [--protocol whole-mask|sam-med2d]"
                    + " [--split val=0.1,test=0.2,by=case,seed=1 --part test] [--prompt-path FILE]"
                    + " [--save-prompts DIR]   (NAME=VALUE: the query API's filters; sam-med2d prompts: box,"
                    + " 1point, 3points, ..., 5clicks, ...; points with --prompt-path)");
            return 0;
        }
        FilterCommandArguments arguments;
        int limit;
        try {
            arguments = FilterCommandArguments.parse(args, Set.of("limit", "prompts", "model", "protocol", "split",
                    "part", "prompt-path", "save-prompts"), Set.of());
            limit = Integer.parseInt(arguments.option("limit").orElse("100"));
        } catch (IllegalArgumentException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        }
        DataSplit split;
        Map<String, Object> promptFile;
        try {
            split = arguments.option("split").map(DataSplit::parse).orElse(null);
            promptFile = arguments.option("prompt-path").isEmpty() ? null : JSON.readValue(
                    Path.of(arguments.option("prompt-path").get()).toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (InvalidParameterException | JacksonException e) {
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
            EvaluationReport report = evaluations.start(new EvaluationRequest(FilterParser.parse(filter, Set.of()),
                    limit, prompts, model, arguments.option("protocol").orElse(null), split,
                    arguments.option("part").orElse(null), promptFile), null, EvaluationQuota.NONE);
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
            if (arguments.option("save-prompts").isPresent()) {
                Path target = Files.createDirectories(Path.of(arguments.option("save-prompts").get()));
                for (String kind : report.promptFiles()) {
                    Path file = evaluations.promptFile(report.id(), kind, Requester.OPERATOR).orElseThrow();
                    Files.copy(file, target.resolve("prompts-" + kind + ".json"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    out.println("Prompts of " + kind + " (test.py --prompt_path): " + target.resolve("prompts-" + kind
                            + ".json"));
                }
            }
            return 0;
        } catch (InvalidParameterException | IndexBusyException e) {
            err.println("evaluate: " + e.getMessage());
            return 2;
        } catch (java.io.IOException e) {
            err.println("evaluate: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void print(EvaluationReport report) {
        out.printf("Model %s, protocol %s%s, %,d masks, %.1f masks/s%s%n", report.model(), report.protocol(),
                report.part() == null ? "" : ", part " + report.part() + " of the split", report.done(),
                report.masksPerSecond(), report.skipped().isEmpty() ? "" : "; skipped " + report.skipped());
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
