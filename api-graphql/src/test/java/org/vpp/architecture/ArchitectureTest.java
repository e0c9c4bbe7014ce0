package org.vpp.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module directions of DESIGN.md: arrows point towards {@code messages} and the {@code kernel}; the libraries (optimizer,
 * forecasting, simulator) know neither Axon nor Spring; nothing but the application knows the application.
 */
@AnalyzeClasses(packages = "org.vpp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The shared kernel: plain values every module speaks, so it may speak nothing but Java. */
    @ArchTest
    static final ArchRule kernelDependsOnNothingButJava = classes()
            .that().resideInAPackage("org.vpp.kernel..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.vpp.kernel..", "java..");

    @ArchTest
    static final ArchRule messagesDependOnNothingButJavaTheKernelAndAxonAnnotations = classes()
            .that().resideInAPackage("org.vpp.messages..")
            .should().onlyDependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                    "org.vpp.messages..", "org.vpp.kernel..", "java..", "org.axonframework.modelling.command..")
                    .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(org.axonframework.serialization.Revision.class)));

    @ArchTest
    static final ArchRule commandSideKnowsOnlyMessages = noClasses()
            .that().resideInAPackage("org.vpp.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vpp.query..", "org.vpp.sagas..", "org.vpp.api..",
                    "org.vpp.optimizer..", "org.vpp.forecast..", "org.vpp.simulator..");

    @ArchTest
    static final ArchRule querySideKnowsOnlyMessages = noClasses()
            .that().resideInAPackage("org.vpp.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vpp.command..", "org.vpp.sagas..", "org.vpp.api..",
                    "org.vpp.optimizer..", "org.vpp.forecast..", "org.vpp.simulator..");

    @ArchTest
    static final ArchRule librariesKnowNeitherAxonNorSpring = noClasses()
            .that().resideInAnyPackage("org.vpp.optimizer..", "org.vpp.forecast..", "org.vpp.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                    "org.vpp.messages..", "org.vpp.command..", "org.vpp.query..", "org.vpp.sagas..", "org.vpp.api..");

    @ArchTest
    static final ArchRule forecastingAndOptimizerDoNotKnowTheSimulator = noClasses()
            .that().resideInAnyPackage("org.vpp.optimizer..", "org.vpp.forecast..")
            .should().dependOnClassesThat().resideInAPackage("org.vpp.simulator..");

    /** The application layer uses the libraries and messages; the world it runs in arrives through its ports. */
    @ArchTest
    static final ArchRule sagasDoNotReachIntoOtherSides = noClasses()
            .that().resideInAPackage("org.vpp.sagas..")
            .should().dependOnClassesThat().resideInAnyPackage("org.vpp.command..", "org.vpp.query..", "org.vpp.api..",
                    "org.vpp.simulator..", "org.springframework..");

    /** Processes run on the application clock through the driver of sagas/, never on wall-clock Spring schedules. */
    @ArchTest
    static final ArchRule noScheduledMethods = methods()
            .should().notBeAnnotatedWith("org.springframework.scheduling.annotation.Scheduled");

    /** Every process lives in the application layer; the application module only wires and adapts. */
    @ArchTest
    static final ArchRule processesLiveInSagas = classes()
            .that().implement("org.vpp.sagas.clock.ClockProcess")
            .should().resideInAPackage("org.vpp.sagas..");

    @ArchTest
    static final ArchRule nothingDependsOnTheApplication = noClasses()
            .that().resideOutsideOfPackages("org.vpp.api..", "org.vpp.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.vpp.api..");

    @ArchTest
    static final ArchRule domainDecisionsAreFreeOfAxon = noClasses()
            .that().haveSimpleNameEndingWith("Decisions").or().haveSimpleNameEndingWith("Rules")
            .or().haveSimpleNameEndingWith("Rollup").or().haveSimpleNameEndingWith("Policy")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..");

    /** An Optional answer does not survive serialisation across Axon Server; answer the value or null. */
    @ArchTest
    static final ArchRule queryHandlersAnswerValuesNotOptionals = methods()
            .that().areAnnotatedWith("org.axonframework.queryhandling.QueryHandler")
            .should().notHaveRawReturnType(java.util.Optional.class);
}
