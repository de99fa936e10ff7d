package org.samed2d.explorer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * The Spring Boot application. The jar's entry point is {@code cli.CommandLine}, which starts this portal or runs
 * a command; starting this class directly (from an IDE) always starts the portal.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = {"shared", "platform"})
public class ExplorerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExplorerApplication.class, args);
    }
}
