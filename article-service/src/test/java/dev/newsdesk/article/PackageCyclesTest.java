package dev.newsdesk.article;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The service's packages depend on each other in one direction only, so each can be read (and moved) on its own. */
class PackageCyclesTest {

    @Test
    void noCycleBetweenPackages() {
        JavaClasses main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.newsdesk.article");
        slices().matching("dev.newsdesk.article.(*)..")
                .should()
                .beFreeOfCycles()
                .check(main);
    }
}
