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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tehai.incident.Incident;
import org.tehai.platform.Records;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.ticket.Ticket;
import org.tehai.visit.Visit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

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
        noClasses().that(areResources()).should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould(queryRecords()).allowEmptyShould(false).check(classes);
    }

    @Test
    void visitLifecycleShouldBeChangedOnlyByTheVisit() {
        noClasses().that().resideOutsideOfPackage("org.tehai.visit..").should(assign(Visit.class, Set.of("status",
                "technician", "plannedStart", "shift", "routePosition", "pinned", "pinnedStart", "estimatedStart",
                "estimateReason", "atRiskSince", "quotedWindowStart", "quotedWindowEnd", "actualArrival",
                "actualDeparture", "expectedDoneAt", "expectedDoneReportedAt", "outcome", "ticket", "incidentId",
                "separateVisitReason"))).check(classes);
        noClasses().that().resideOutsideOfPackage("org.tehai.visit..").should().callConstructor(Visit.class)
                .check(classes);
        // The rule reads the compiled field writes: the visit's own methods must show up as such.
        classes().that().haveFullyQualifiedName(Visit.class.getName()).should(assign(Visit.class, Set.of("status")))
                .check(classes);
    }

    @Test
    void ticketAndIncidentLifecycleShouldBeChangedOnlyByTheirOwners() {
        Set<String> ticketFields = Set.of("status", "closedAt", "priority", "slaDueAt", "incidentId",
                "incidentLinkReason", "resolution", "causeCategory", "causeText", "preventionAction");
        noClasses().that().doNotHaveFullyQualifiedName(Ticket.class.getName())
                .should(assign(Ticket.class, ticketFields)).check(classes);
        Set<String> incidentFields = Set.of("kind", "status", "priority", "openedAt", "resolvedAt", "cause",
                "statusText");
        noClasses().that().doNotHaveFullyQualifiedName(Incident.class.getName())
                .should(assign(Incident.class, incidentFields)).check(classes);
        // The services call the records' methods, which show up as the records' own field writes.
        classes().that().haveFullyQualifiedName(Ticket.class.getName()).should(assign(Ticket.class, ticketFields))
                .check(classes);
        classes().that().haveFullyQualifiedName(Incident.class.getName())
                .should(assign(Incident.class, incidentFields)).check(classes);
    }

    @Test
    void technicianAndShiftShouldBeChangedOnlyByTheirPackage() {
        // The demo loader fills in the shifts it creates; what a phone reports goes through the records' methods.
        noClasses().that().resideOutsideOfPackages("org.tehai.technician..", "org.tehai.demo..")
                .should(assign(Shift.class, Set.of("workDate", "startsAt", "endsAt", "maxOvertimeMinutes")))
                .orShould(assign(Technician.class, Set.of("lastLatitude", "lastLongitude", "lastPositionAt",
                        "active", "region")))
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

    /**
     * Writes to one of the fields of the record. Under {@code noClasses()} any such write is a violation; under
     * {@code classes()} a class that writes none of them is.
     */
    private static ArchCondition<JavaClass> assign(Class<?> record, Set<String> fields) {
        return new ArchCondition<>("assign " + record.getSimpleName() + "." + fields) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean assigns = false;
                for (JavaFieldAccess access : javaClass.getFieldAccessesFromSelf()) {
                    if (access.getAccessType() == JavaFieldAccess.AccessType.SET
                            && access.getTargetOwner().isAssignableTo(record)
                            && fields.contains(access.getTarget().getName())) {
                        events.add(SimpleConditionEvent.satisfied(access, access.getDescription()));
                        assigns = true;
                    }
                }
                if (!assigns) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " assigns none of "
                            + record.getSimpleName() + "." + fields));
                }
            }
        };
    }

    /**
     * A resource: a class annotated {@code @Path} or named {@code ...Resource}, and the classes nested in it (its
     * lambdas are compiled into the class itself).
     */
    private static DescribedPredicate<JavaClass> areResources() {
        return new DescribedPredicate<>("are resources (@Path or ...Resource, and their nested classes)") {
            @Override
            public boolean test(JavaClass javaClass) {
                for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
                    if (c.isAnnotatedWith(jakarta.ws.rs.Path.class) || c.getSimpleName().endsWith("Resource")) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /**
     * Loads or stores records itself: any static method of an entity (Panache's {@code find}, {@code list}... and the
     * record's own named queries alike), Panache's persistence methods, a repository, a query object, the entity
     * manager, or a record looked up by id through {@link Records}.
     */
    private static ArchCondition<JavaClass> queryRecords() {
        return new ArchCondition<>("query or store records") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                    if (touchesTheDatabase(call)) {
                        events.add(SimpleConditionEvent.satisfied(call, call.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean touchesTheDatabase(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        Optional<JavaMethod> method = call.getTarget().resolveMember();
        boolean isStatic = method.map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
        boolean record = owner.isAnnotatedWith(Entity.class) || owner.isAssignableTo(PanacheEntityBase.class);
        return record && isStatic
                || method.map(m -> m.getOwner().isEquivalentTo(PanacheEntityBase.class)).orElse(false)
                || owner.isAssignableTo(PanacheRepositoryBase.class)
                || owner.isAssignableTo(PanacheQuery.class)
                || owner.isAssignableTo(EntityManager.class)
                || owner.isAssignableTo(Query.class)
                || owner.isEquivalentTo(Panache.class)
                || owner.isEquivalentTo(Records.class);
    }
}
