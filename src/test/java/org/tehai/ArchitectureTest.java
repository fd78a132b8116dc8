package org.tehai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tehai.incident.Incident;
import org.tehai.platform.Records;
import org.tehai.ticket.Ticket;
import org.tehai.visit.Visit;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * The structure {@code docs/architecture.md} describes, checked on the compiled classes: feature packages in layers
 * that import only downwards and form no cycle, a planning model that knows neither the database nor the records,
 * thin resources, records changed only by their owner package, and Timefold internals in one package.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tehai");
    }

    @Test
    void featurePackagesShouldBeFreeOfCycles() {
        slices().matching("org.tehai.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void packagesShouldImportOnlyTheLayersBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.tehai..")
                .layer("Platform").definedBy("org.tehai.platform..")
                .layer("Planning").definedBy("org.tehai.planning..")
                .layer("Reference records").definedBy("org.tehai.region..", "org.tehai.customer..", "org.tehai.site..",
                        "org.tehai.asset..", "org.tehai.part..", "org.tehai.technician..", "org.tehai.preference..")
                .layer("Travel times").definedBy("org.tehai.routing..")
                .layer("Tickets and visits").definedBy("org.tehai.ticket..", "org.tehai.visit..", "org.tehai.contact..")
                .layer("Desk").definedBy("org.tehai.incident..", "org.tehai.callback..", "org.tehai.notification..",
                        "org.tehai.desk..", "org.tehai.kpi..")
                .layer("Phone API").definedBy("org.tehai.field..")
                .layer("Arrival windows").definedBy("org.tehai.arrival..")
                .layer("Dispatch").definedBy("org.tehai.dispatch..")
                .layer("Pages").definedBy("org.tehai.web..")
                .layer("Demo").definedBy("org.tehai.demo..")
                .whereLayer("Platform").mayNotAccessAnyLayer()
                .whereLayer("Planning").mayNotAccessAnyLayer()
                .whereLayer("Reference records").mayOnlyAccessLayers("Platform", "Planning")
                .whereLayer("Travel times").mayOnlyAccessLayers("Platform", "Planning", "Reference records")
                .whereLayer("Tickets and visits").mayOnlyAccessLayers("Platform", "Planning", "Reference records")
                .whereLayer("Desk").mayOnlyAccessLayers("Platform", "Planning", "Reference records",
                        "Tickets and visits")
                .whereLayer("Phone API").mayOnlyAccessLayers("Platform", "Planning", "Reference records",
                        "Tickets and visits", "Desk")
                .whereLayer("Arrival windows").mayOnlyAccessLayers("Platform", "Planning", "Reference records",
                        "Travel times", "Tickets and visits", "Desk", "Phone API")
                .whereLayer("Dispatch").mayOnlyAccessLayers("Platform", "Planning", "Reference records",
                        "Travel times", "Tickets and visits", "Desk", "Phone API", "Arrival windows")
                .whereLayer("Pages").mayNotBeAccessedByAnyLayer()
                .whereLayer("Demo").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void planningShouldKnowNeitherTheDatabaseNorTheRecords() {
        noClasses().that().resideInAPackage("org.tehai.planning..").should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..",
                        "io.quarkus.panache..")
                .check(classes);
        noClasses().that().resideInAPackage("org.tehai.planning..").should().dependOnClassesThat(
                JavaClass.Predicates.resideInAPackage("org.tehai..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("org.tehai.planning..")))
                .check(classes);
    }

    @Test
    void resourcesShouldOnlyValidateMapAndDelegate() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().beAnnotatedWith(Transactional.class)
                .check(classes);
        noMethods().that().areDeclaredInClassesThat().areAnnotatedWith(jakarta.ws.rs.Path.class).should()
                .beAnnotatedWith(Transactional.class).check(classes);
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class).should().dependOnClassesThat()
                .areAssignableTo(EntityManager.class).orShould(queryRecords()).allowEmptyShould(false).check(classes);
    }

    @Test
    void visitLifecycleShouldBeChangedOnlyByTheVisit() {
        noClasses().that().resideOutsideOfPackage("org.tehai.visit..").should(assign(Visit.class, Set.of("status",
                "technician", "plannedStart", "shift", "routePosition", "pinned", "pinnedStart", "estimatedStart",
                "estimateReason", "atRiskSince", "quotedWindowStart", "quotedWindowEnd", "actualArrival",
                "actualDeparture", "outcome", "ticket", "incidentId", "separateVisitReason"))).check(classes);
        noClasses().that().resideOutsideOfPackage("org.tehai.visit..").should().callConstructor(Visit.class)
                .check(classes);
        // The rule reads the compiled field writes: the visit's own methods must show up as such.
        classes().that().haveFullyQualifiedName(Visit.class.getName()).should(assign(Visit.class, Set.of("status")))
                .check(classes);
    }

    @Test
    void ticketAndIncidentLifecycleShouldBeChangedOnlyByTheirOwners() {
        noClasses().that().resideOutsideOfPackage("org.tehai.ticket..")
                .should(assign(Ticket.class, Set.of("status", "closedAt", "priority", "slaDueAt", "incidentId",
                        "incidentLinkReason", "resolution", "causeCategory", "causeText", "preventionAction")))
                .check(classes);
        noClasses().that().resideOutsideOfPackage("org.tehai.incident..")
                .should(assign(Incident.class, Set.of("status", "priority", "resolvedAt", "cause", "statusText")))
                .check(classes);
    }

    @Test
    void timefoldInternalsShouldBeUsedOnlyByTheMovesPackage() {
        noClasses().that().resideOutsideOfPackage("org.tehai.planning.moves..").should().dependOnClassesThat()
                .resideInAPackage("ai.timefold.solver.core.impl..").check(classes);
    }

    @Test
    void classesShouldStayUnderFourHundredLinesApartFromTheDemoGenerator() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                long lines = Files.readAllLines(file).size();
                if (lines > 400 && !file.endsWith(Path.of("org/tehai/demo/DemoData.java"))) {
                    tooLong.add(file + " (" + lines + " lines)");
                }
            }
        }
        assertThat(tooLong).as("classes over 400 lines").isEmpty();
    }

    /** Writes to one of the fields of the record, from a class of another package. */
    private static ArchCondition<JavaClass> assign(Class<?> record, Set<String> fields) {
        return new ArchCondition<>("assign " + record.getSimpleName() + "." + fields) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaFieldAccess access : javaClass.getFieldAccessesFromSelf()) {
                    if (access.getAccessType() == JavaFieldAccess.AccessType.SET
                            && access.getTargetOwner().isAssignableTo(record)
                            && fields.contains(access.getTarget().getName())) {
                        events.add(SimpleConditionEvent.satisfied(access, access.getDescription()));
                    }
                }
            }
        };
    }

    /** Loads records itself: a Panache query, a query object, or a record looked up by id. */
    private static ArchCondition<JavaClass> queryRecords() {
        Set<String> panacheQueries = Set.of("find", "findAll", "findById", "findByIdOptional", "list", "listAll",
                "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update", "persist", "flush");
        return new ArchCondition<>("query records") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaAccess<?> call : javaClass.getMethodCallsFromSelf()) {
                    JavaClass owner = call.getTargetOwner();
                    boolean query = owner.isAssignableTo(PanacheQuery.class) || owner.isEquivalentTo(Records.class)
                            || owner.isAssignableTo(PanacheEntityBase.class) && panacheQueries.contains(call.getName());
                    if (query) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
