package org.samed2d.explorer.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.samed2d.explorer.shared.DataRoot;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} configured, the app runs its own PostgreSQL with its files under
 * {@code <data-dir>/postgres}, so a fresh machine needs nothing installed, and connects to it as the application role
 * (no superuser) with the password kept beside the data. A configured URL always wins.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataRoot dataRoot) throws IOException {
        return EmbeddedDatabase.open(dataRoot.resolve("postgres"));
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(EmbeddedDatabase.APPLICATION_ROLE);
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
