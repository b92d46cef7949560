package news.flashwire.ingest;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTests {

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("news.flashwire.ingest");

	@Test
	void featurePackagesDoNotDependOnEachOtherInCycles() {
		slices().matching("news.flashwire.ingest.(*)..").should().beFreeOfCycles().check(classes);
	}
}
