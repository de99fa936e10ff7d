package org.samed2d.explorer.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the container files without Docker: the compose file parses and wires the app to its
 * PostgreSQL, every variable it sets is documented in docs/DEPLOY.md, and what the Dockerfiles copy exists.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("docker");

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_wires_the_app_to_postgresql_18_and_every_variable_it_sets_is_documented() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("postgres", "app", "app-gpu", "app-opensearch", "opensearch-1", "opensearch-2");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:18");
        String deploy = Files.readString(Path.of("docs", "DEPLOY.md"));
        for (String app : List.of("app", "app-gpu", "app-opensearch")) {
            Map<String, Object> service = services.get(app);
            Map<String, String> environment = (Map<String, String>) service.get("environment");
            assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/explorer");
            assertThat(environment.keySet()).allSatisfy(variable -> assertThat(deploy).as(variable).contains("`" + variable + "`"));
            assertThat((List<String>) service.get("volumes")).anySatisfy(volume -> assertThat(volume).endsWith(":/dataset:ro"));
            assertThat(((Map<String, String>) service.get("build")).get("dockerfile")).satisfies(file ->
                    assertThat(Path.of(file)).exists());
        }
        Map<String, String> onOpenSearch = (Map<String, String>) services.get("app-opensearch").get("environment");
        assertThat(onOpenSearch).containsEntry("EXPLORER_SEARCH_ENGINE", "opensearch")
                .containsEntry("EXPLORER_SEARCH_OPENSEARCH_URLS", "http://opensearch-1:9200,http://opensearch-2:9200");
        assertThat(services.get("opensearch-1").get("image")).isEqualTo("opensearchproject/opensearch:3.3.0");
        assertThat((List<String>) services.get("opensearch-2").get("profiles")).containsExactly("opensearch");
    }

    @Test
    void the_dockerfiles_copy_what_the_repository_holds_and_run_the_jar_maven_builds() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String name : List.of("Dockerfile", "Dockerfile.gpu")) {
            String dockerfile = Files.readString(DOCKER.resolve(name));
            Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(.+) \\./?\\S*$").matcher(dockerfile);
            while (copy.find()) {
                for (String source : copy.group(1).split(" ")) {
                    assertThat(Path.of(source)).as(name + " copies " + source).exists();
                }
            }
            assertThat(dockerfile).contains("/src/target/sa-med2d-explorer.jar").contains("USER explorer")
                    .contains("HEALTHCHECK").contains("/actuator/health/readiness");
            assertThat(dockerfile).as(name + " runs as a non-root user").containsPattern("useradd --system --uid 10001");
        }
        assertThat(pom).contains("<finalName>sa-med2d-explorer</finalName>");
        assertThat(Files.readString(DOCKER.resolve("Dockerfile.gpu"))).contains("-Pgpu").contains("cudnn");
    }
}
