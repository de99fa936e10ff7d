package org.samed2d.explorer.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicMode anonymous visitors may browse, query and view pixels as viewers (segmentation and export always
 *                   need an account)
 * @param adminUser the name of the first admin, created on start when no admin exists and a password is given
 * @param adminPassword the first admin's password ({@code EXPLORER_ADMIN_PASSWORD}); no default, never logged
 * @param tokenMaxDays the longest validity a new API token may ask for
 * @param loginFailuresPerAccount failed sign-ins in a row to one account before further attempts must wait
 * @param loginFailuresPerAddress failed sign-ins in a row from one client address before further attempts must wait
 */
@ConfigurationProperties("explorer.security")
record SecurityProperties(@DefaultValue("true") boolean publicMode, @DefaultValue("admin") String adminUser,
                          @Nullable String adminPassword, @DefaultValue("365") int tokenMaxDays,
                          @DefaultValue("5") int loginFailuresPerAccount, @DefaultValue("20") int loginFailuresPerAddress) {
}
