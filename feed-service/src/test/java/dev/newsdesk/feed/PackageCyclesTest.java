package dev.newsdesk.feed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's packages depend on each other in one direction only, so each can be read (and moved) on its own. */
class PackageCyclesTest {

    private static final String ROOT = "dev.newsdesk.feed";

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void noCycleBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }

    /** A class in the root package belongs to no slice, so a cycle through it would go unseen. */
    @Test
    void everyClassIsInAFeaturePackage() {
        noClasses().should().resideInAPackage(ROOT).check(main);
    }
}
