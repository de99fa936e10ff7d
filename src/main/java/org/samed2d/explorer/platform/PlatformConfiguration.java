package org.samed2d.explorer.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.samed2d.explorer.shared.DataRoot;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    @Bean
    DataRoot dataRoot(ExplorerProperties properties) {
        DataRoot root = new DataRoot(properties.dataDir());
        try {
            PrivateFolder.ensure(root.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + root.path(), e);
        }
        return root;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
