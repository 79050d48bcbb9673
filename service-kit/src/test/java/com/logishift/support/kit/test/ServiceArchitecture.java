package com.logishift.support.kit.test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering every service keeps (checked by each service's {@code ArchitectureTest}):
 * <ul>
 * <li>domain classes (the feature root packages) use nothing from {@code rest/}, {@code event/} or
 * Quarkus;</li>
 * <li>{@code service/} takes no {@code rest/} types;</li>
 * <li>a service uses no other service's classes: nothing but the kit is shared;</li>
 * <li>a resource class with a write endpoint (POST, PUT, PATCH, DELETE) carries
 * {@code @Cancellable(false)}: a caller hanging up must not abort a transaction halfway.</li>
 * </ul>
 * Known exceptions are explicit: {@link #except} names them, each with the reason, and they show in
 * the rule's description.
 */
public final class ServiceArchitecture {

    private static final String ALL_SERVICES = "com.logishift.support..";
    private static final String KIT = "com.logishift.support.kit..";

    private final String base;
    private final List<String> domainPackages = new ArrayList<>();
    private final List<DescribedPredicate<Dependency>> exceptions = new ArrayList<>();

    private ServiceArchitecture(String base) {
        this.base = base;
        this.domainPackages.add(base);
    }

    /** The service whose root package is {@code base}; that package itself holds domain classes. */
    public static ServiceArchitecture of(String base) {
        return new ServiceArchitecture(base);
    }

    /** Further domain packages (exact packages, not their sub-packages), e.g. a feature's root. */
    public ServiceArchitecture domain(String... packages) {
        domainPackages.addAll(List.of(packages));
        return this;
    }

    /** A known violation, allowed for the given reason: any dependency {@code allowed} matches. */
    public ServiceArchitecture except(String reason, DescribedPredicate<Dependency> allowed) {
        exceptions.add(describe(allowed.getDescription() + " (" + reason + ")", allowed::test));
        return this;
    }

    /** A dependency from exactly {@code originClass} on a class whose name starts with {@code targetPrefix}. */
    public static DescribedPredicate<Dependency> from(String originClass, String targetPrefix) {
        return describe(originClass + " -> " + targetPrefix + "*", d -> d.getOriginClass().getName().equals(originClass)
                && d.getTargetClass().getBaseComponentType().getName().startsWith(targetPrefix));
    }

    /** A dependency from a class whose name starts with {@code originPrefix} (nested classes included). */
    public static DescribedPredicate<Dependency> fromAny(String originPrefix, String targetPrefix) {
        return describe(originPrefix + "* -> " + targetPrefix + "*",
                d -> d.getOriginClass().getName().startsWith(originPrefix) && d.getTargetClass().getBaseComponentType().getName().startsWith(targetPrefix));
    }

    /** Any domain class on a target whose name starts with {@code targetPrefix}. */
    public static DescribedPredicate<Dependency> onTarget(String targetPrefix) {
        return describe("* -> " + targetPrefix + "*",
                d -> d.getTargetClass().getBaseComponentType().getName().startsWith(targetPrefix));
    }

    /** The service's main classes ({@code target/classes} of the module under test). */
    public JavaClasses importClasses() {
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    public List<ArchRule> rules() {
        DescribedPredicate<JavaClass> otherService = describe("another service's classes",
                c -> resideInAPackage(ALL_SERVICES).test(c) && !resideInAPackage(base + "..").test(c)
                        && !resideInAPackage(KIT).test(c));
        return List.of(
                classes().that().resideInAnyPackage(domainPackages.toArray(String[]::new))
                        .should(notDependOn(resideInAnyPackage(base + "..rest..", base + "..event..", "io.quarkus..")
                                .as("rest/, event/ or Quarkus classes")))
                        .as("domain classes " + domainPackages + " use nothing from rest/, event/ or Quarkus"),
                classes().that().resideInAPackage(base + "..service..")
                        .should(notDependOn(resideInAPackage(base + "..rest..").as("rest/ types")))
                        .allowEmptyShould(true)
                        .as("service/ takes no rest/ types"),
                classes().that().resideInAPackage(base + "..")
                        .should(notDependOn(otherService))
                        .as("nothing but service-kit is shared between services"),
                classes().that(WRITE_ENDPOINTS).should().beAnnotatedWith(CANCELLABLE)
                        .allowEmptyShould(true)
                        .as("resource classes with write endpoints are @Cancellable(false)"));
    }

    private static final String CANCELLABLE = "org.jboss.resteasy.reactive.server.Cancellable";
    private static final List<String> WRITES = List.of("jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.PATCH",
            "jakarta.ws.rs.DELETE");
    private static final DescribedPredicate<JavaClass> WRITE_ENDPOINTS = describe("have a write endpoint",
            c -> c.getMethods().stream().anyMatch(m -> WRITES.stream().anyMatch(m::isAnnotatedWith)));

    private ArchCondition<JavaClass> notDependOn(DescribedPredicate<JavaClass> targets) {
        String allowed = exceptions.isEmpty() ? "" : ", except " + exceptions.stream()
                .map(DescribedPredicate::getDescription).toList();
        return new ArchCondition<>("not depend on " + targets.getDescription() + allowed) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (targets.test(target) && exceptions.stream().noneMatch(e -> e.test(dependency))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Checks every rule; fails listing each violation of each rule. */
    public void check() {
        JavaClasses classes = importClasses();
        if (classes.stream().noneMatch(resideInAPackage(base + "..")::test)) {
            throw new AssertionError("no classes of " + base + " in target/classes");
        }
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules()) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }
}
