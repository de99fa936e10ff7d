package org.samed2d.explorer.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the first admin from EXPLORER_ADMIN_PASSWORD when no admin exists yet; there is never a default password. */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccounts accounts;
    private final SecurityProperties properties;

    FirstAdmin(UserAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = properties.adminPassword();
        if (accounts.anyAdmin()) {
            return;
        }
        if (password == null || password.isBlank()) {
            log.info("No admin account yet: set EXPLORER_ADMIN_PASSWORD, or run 'user add NAME --role admin'");
            return;
        }
        if (accounts.find(properties.adminUser()).isPresent()) {
            log.warn("Account '{}' exists but is not an enabled admin; EXPLORER_ADMIN_PASSWORD leaves it unchanged",
                    properties.adminUser());
            return;
        }
        accounts.add(properties.adminUser(), password, Role.ADMIN);
        log.info("Created the admin account '{}' from EXPLORER_ADMIN_PASSWORD", properties.adminUser());
    }
}
