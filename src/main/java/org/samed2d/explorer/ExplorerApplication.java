package org.samed2d.explorer;

import org.samed2d.explorer.cli.CommandLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** Starts the portal, or runs a command-line command when the first argument names one (see {@link CommandLine}). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = {"shared", "platform"})
public class ExplorerApplication {

    public static void main(String[] args) {
        CommandLine.main(args);
    }
}
