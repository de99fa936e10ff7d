package org.samed2d.explorer.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description: its name, and bearer tokens, so that Swagger UI's "Authorize" takes a personal token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI explorerApi() {
        return new OpenAPI()
                .info(new Info().title("SA-Med2D Explorer API").version("v1")
                        .description("Find, view, segment and export SA-Med2D-20M masks. Browsing may be open to "
                                + "anonymous visitors (public mode); segmentation and export need a researcher's "
                                + "token, administration an admin's. Create tokens on the portal's account page.")
                        .license(new License().name("Data: CC BY-NC-SA 4.0 (SA-Med2D-20M) and each source's own")))
                .components(new Components().addSecuritySchemes("token", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("a personal API token (sme_...) from the account page or 'user token'")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
