package org.samed2d.explorer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PasswordUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.samed2d.explorer");

    @Test
    void only_the_ui_uses_vaadin() {
        noClasses().that().resideOutsideOfPackage("..explorer.ui..")
                .and().doNotHaveFullyQualifiedName("org.samed2d.explorer.security.SecurityConfiguration")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("views are an adapter; features must not know how they are shown (the portal's filter "
                        + "chain alone applies Vaadin's security configurer)")
                .check(MAIN);
    }

    @Test
    void only_the_adapters_read_who_is_signed_in() {
        noClasses().that().resideInAnyPackage("..explorer.catalog..", "..explorer.ingest..", "..explorer.search..",
                        "..explorer.media..", "..explorer.segment..", "..explorer.export..", "..explorer.release..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework.security..")
                .because("features take the account they act for as a value; authentication is the adapters' job")
                .check(MAIN);
    }

    @Test
    void only_the_catalog_uses_postgresql_copy() {
        // The one exception: the embedded server's set-up hashes its passwords with the driver's SCRAM encoder.
        noClasses().that().resideOutsideOfPackage("..explorer.catalog..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.postgresql..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(PasswordUtil.class))))
                .because("the catalog owns its tables and how rows get into them")
                .check(MAIN);
    }

    @Test
    void only_the_embedded_search_engine_uses_lucene() {
        noClasses().that().resideOutsideOfPackage("..explorer.search.lucene..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .because("Lucene is one engine behind the search module's seam; the rest of the module and the app "
                        + "see only the filter and result records, so answers cannot depend on the engine")
                .check(MAIN);
    }

    @Test
    void only_the_shared_search_engine_uses_the_opensearch_client() {
        noClasses().that().resideOutsideOfPackage("..explorer.search.opensearch..")
                .should().dependOnClassesThat().resideInAnyPackage("org.opensearch..", "org.apache.hc..")
                .because("OpenSearch is the other engine behind the search module's seam; no OpenSearch type may "
                        + "reach the rest of the app, which sees the same records whichever engine answers")
                .check(MAIN);
    }

    @Test
    void only_the_api_declares_web_controllers() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..explorer.api..")
                .because("REST is an adapter of its own")
                .check(MAIN);
    }

    @Test
    void entities_are_never_public_api() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic()
                .because("services return records; schema changes must not reach adapters")
                .check(MAIN);
    }

    @Test
    void no_field_injection() {
        noFields().should().beAnnotatedWith(Autowired.class)
                .because("constructor injection keeps dependencies visible and classes testable")
                .check(MAIN);
    }

    @Test
    void only_the_cli_writes_to_the_console() {
        noClasses().that().resideOutsideOfPackage("..explorer.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("modules log; only the command line prints")
                .check(MAIN);
    }

    @Test
    void no_manager_util_or_helper_names() {
        noClasses().should().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Helper")
                .because("a name should say what a class holds or does")
                .check(MAIN);
    }
}
