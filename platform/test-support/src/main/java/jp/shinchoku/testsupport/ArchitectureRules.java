package jp.shinchoku.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture every service keeps, checked by each service's tests:
 * <ul>
 * <li>the domain (a feature's top package) is plain Java: no Spring, Kafka, MongoDB or Jackson; the adapters
 * in its {@code web}, {@code persistence}, {@code messaging} and {@code config} sub-packages carry those;</li>
 * <li>features have no cycles between them;</li>
 * <li>persistence and messaging never know each other: repositories take the domain's events and the service's one
 * {@code EventContracts} turns them into contracts; listeners call the domain, never a repository's class;</li>
 * <li>a service never uses another service's code.</li>
 * </ul>
 */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("jp.shinchoku.plan", "jp.shinchoku.measurement",
            "jp.shinchoku.notification");

    private ArchitectureRules() {
    }

    /**
     * What {@code platform/} holds (contracts, calendar, service starter, embedded infrastructure, test support) serves
     * every service and uses none: the system is assembled under {@code deploy/}.
     */
    public static void checkPlatform() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.shinchoku.platform", "jp.shinchoku.contracts", "jp.shinchoku.calendar",
                        "jp.shinchoku.embedded", "jp.shinchoku.testsupport");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        SERVICES.stream().map(service -> service + "..").toArray(String[]::new))
                .as("nothing in platform/ depends on a service")
                .check(classes);
    }

    /**
     * The portal ({@code jp.shinchoku.portal}) knows the services only by their HTTP APIs: it uses none of their code,
     * contracts or platform; only its {@code api} package calls them, each service through a typed client; its
     * packages have no cycles; its pages never name a service to call it raw (the plan, measurement and notification
     * services are read through {@code PlanClient}, {@code MeasurementClient}, {@code NotificationClient} and
     * {@code AuditClient}).
     */
    public static void checkPortal() {
        String portal = "jp.shinchoku.portal";
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(portal);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(java.util.stream.Stream.concat(SERVICES.stream(),
                        java.util.stream.Stream.of("jp.shinchoku.contracts", "jp.shinchoku.platform"))
                        .map(p -> p + "..").toArray(String[]::new))
                .as("the portal knows the services only by their HTTP APIs")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(portal + ".api..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.client.RestTemplate")
                .as("only the portal's api package calls the services")
                .check(classes);
        slices().matching(portal + ".(*)..").should().beFreeOfCycles()
                .as("packages of the portal have no cycles")
                .check(classes);
        noClasses().that().resideInAPackage(portal + ".web..")
                .should().accessField(portal + ".api.Api$Service", "PLAN")
                .orShould().accessField(portal + ".api.Api$Service", "MEASUREMENT")
                .orShould().accessField(portal + ".api.Api$Service", "NOTIFICATION")
                .as("the portal's pages read the plan, measurement and notification services through their typed clients")
                .check(classes);
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);

        noClasses().that().resideInAPackage(servicePackage + ".*")
                .and().resideOutsideOfPackages("..web..", "..persistence..", "..messaging..", "..config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..", "tools.jackson..",
                        "jp.shinchoku.platform..")
                .as("the domain of " + servicePackage + " is plain Java")
                .check(classes);

        noClasses().that().resideInAPackage(servicePackage + "..persistence..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + "..messaging..")
                .as("persistence of " + servicePackage + " never imports messaging")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + "..messaging..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + "..persistence..")
                .as("messaging of " + servicePackage + " never imports persistence")
                .check(classes);

        slices().matching(servicePackage + ".(*)..").should().beFreeOfCycles()
                .as("features of " + servicePackage + " have no cycles")
                .check(classes);

        for (String other : SERVICES) {
            if (!other.equals(servicePackage)) {
                noClasses().should().dependOnClassesThat().resideInAPackage(other + "..")
                        .as(servicePackage + " does not use " + other)
                        .check(classes);
            }
        }
    }
}
