package org.samed2d.explorer.cli;

import java.util.ArrayList;
import java.util.List;
import org.samed2d.explorer.ExplorerApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, for one-off commands: same catalog and data directory, no sample, no
 * background jobs of the portal (it may be running beside the command).
 */
final class CommandContext {

    private CommandContext() {
    }

    static List<String> defaultArguments() {
        return new ArrayList<>(List.of("--explorer.sample=false",
                "--explorer.ingest.resume-on-start=false", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                // The portal follows the catalog and updates its index itself; it may hold the index open now.
                "--explorer.search.follow-catalog=false",
                "--explorer.export.recover-on-start=false",
                // The portal's UI needs a web server; a command has none.
                "--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,com.vaadin.flow.spring.VaadinScopesConfig"));
    }

    static ConfigurableApplicationContext start(List<String> arguments) {
        return new SpringApplicationBuilder(ExplorerApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    /** The most heap the JVM has used so far: the sum of each heap pool's peak. */
    static long peakHeapMegabytes() {
        return java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }
}
