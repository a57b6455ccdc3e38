package ephyzip.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Packages depend one way, from the bytes up (README "Layout"), and the codec core uses nothing
 * but the JDK and XZ, so that it can ship alone in {@code target/codec}.
 */
class LayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ephyzip");

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("simd").definedBy("ephyzip.simd..")
                .layer("io").definedBy("ephyzip.io..")
                .layer("format").definedBy("ephyzip.format..")
                .layer("coding").definedBy("ephyzip.coding..")
                .layer("model").definedBy("ephyzip.model..")
                .layer("predict").definedBy("ephyzip.predict..")
                .layer("residual").definedBy("ephyzip.residual..")
                .layer("stream").definedBy("ephyzip.stream..")
                .layer("facade").definedBy("ephyzip")
                .layer("train").definedBy("ephyzip.train..")
                .layer("compare").definedBy("ephyzip.compare..")
                .layer("bench").definedBy("ephyzip.bench..")
                .layer("cli").definedBy("ephyzip.cli..")
                .layer("spark").definedBy("ephyzip.spark..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("simd").mayOnlyBeAccessedByLayers("predict", "residual")
                .whereLayer("spark").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("compare").mayOnlyBeAccessedByLayers("bench", "cli")
                .whereLayer("train").mayOnlyBeAccessedByLayers("compare", "bench", "cli")
                .whereLayer("facade").mayOnlyBeAccessedByLayers("train", "compare", "bench", "cli", "spark")
                .whereLayer("stream").mayOnlyBeAccessedByLayers("facade", "train", "compare", "bench", "cli", "spark")
                .whereLayer("residual").mayOnlyBeAccessedByLayers("stream", "facade", "train", "compare", "bench",
                        "cli", "spark")
                .whereLayer("predict").mayOnlyBeAccessedByLayers("stream", "facade", "train", "compare", "bench",
                        "cli", "spark")
                .whereLayer("model").mayOnlyBeAccessedByLayers("predict", "stream", "facade", "train", "compare",
                        "bench", "cli", "spark")
                .whereLayer("coding").mayOnlyBeAccessedByLayers("model", "predict", "residual", "stream", "facade", "train",
                        "compare", "bench", "cli", "spark")
                .whereLayer("format").mayOnlyBeAccessedByLayers("stream", "facade", "train", "compare", "bench",
                        "cli", "spark")
                .check(CLASSES);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("ephyzip.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void coreUsesOnlyTheJdkAndXz() {
        classes().that().resideInAnyPackage("ephyzip", "ephyzip.simd..", "ephyzip.io..", "ephyzip.format..",
                        "ephyzip.coding..", "ephyzip.model..", "ephyzip.predict..", "ephyzip.residual..",
                        "ephyzip.stream..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jdk.incubator.vector..",
                        "org.tukaani.xz..", "ephyzip", "ephyzip.simd..",
                        "ephyzip.io..", "ephyzip.format..", "ephyzip.coding..", "ephyzip.model..",
                        "ephyzip.predict..", "ephyzip.residual..", "ephyzip.stream..")
                .check(CLASSES);
    }
}
