package org.samed2d.explorer;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ExplorerApplication.class);

    @Test
    void modules_keep_their_boundaries() {
        modules.verify();
    }

    @Test
    void module_docs_are_written_from_the_module_model() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
