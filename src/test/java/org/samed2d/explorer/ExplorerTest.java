package org.samed2d.explorer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one application-test configuration, so Spring's context cache starts PostgreSQL and Vaadin once per JVM:
 * the embedded PostgreSQL under the test temp folder, no bundled sample, small ingest batches.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "explorer.data-dir=${java.io.tmpdir}/explorer-test-data",
        "explorer.sample=false",
        "explorer.ingest.resume-on-start=false",
        "explorer.ingest.batch-masks=500",
        "explorer.ingest.geometry-batch=300",
        "explorer.ingest.roots=${user.dir}/../shared/data"})
public @interface ExplorerTest {
}
