package com.logishift.support.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each service's image recipe (src/main/docker/Dockerfile.jvm) copies the fast-jar layout onto a
 * Java 17 runtime, runs as a numeric non-root user, exposes the port the service listens on and
 * starts quarkus-run.jar. (No image is built here: there is no container engine.)
 */
class DockerfilesTest {

    @TestFactory
    Stream<DynamicTest> everyServiceHasAJvmDockerfile() {
        return OverlayPoliciesTest.SERVICES.stream().sorted().map(service -> DynamicTest.dynamicTest(service, () -> {
            Path file = Repo.module(service).resolve("src/main/docker/Dockerfile.jvm");
            assertTrue(Files.isRegularFile(file), file + " is missing");
            List<String> lines = Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
            String text = String.join("\n", lines);
            assertTrue(Pattern.compile("(?m)^ARG BASE_IMAGE=\\S*(openjdk-17|temurin:17|java17|jdk17|jre17|17-jre)").matcher(text).find()
                    || Pattern.compile("(?m)^FROM \\S*(openjdk-17|temurin:17)").matcher(text).find(), service + ": a Java 17 runtime base image");
            for (String part : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                assertTrue(text.contains("target/quarkus-app/" + part), service + ": copies target/quarkus-app/" + part);
            }
            Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(text);
            String last = null;
            while (user.find()) {
                last = user.group(1);
            }
            assertTrue(last != null && last.matches("[1-9][0-9]*(:[0-9]+)?"), service + ": the last USER must be a numeric non-root uid, is " + last);
            Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(text);
            assertTrue(expose.find(), service + ": EXPOSE");
            String port = ServiceSources.of(service).value("quarkus.http.port").orElse("8080");
            assertEquals(port, expose.group(1), service + ": EXPOSE the port the service listens on");
            assertTrue(text.contains("\"-jar\", \"/deployments/quarkus-run.jar\""), service + ": starts java -jar /deployments/quarkus-run.jar");
            assertAppCds(service, text);
        }));
    }

    /**
     * The AppCDS archive is written while the image is built, by the image's own JVM (an archive fits
     * only the JVM build and the jar paths that wrote it), after the last USER so that user owns it, and
     * the entry point maps it. The application must have been built with AppCDS enabled (root pom), or
     * -Dquarkus.appcds.generate=true would start it all the way (and try the database).
     */
    private static void assertAppCds(String service, String text) throws IOException {
        String archive = "/deployments/app-cds.jsa";
        Matcher run = Pattern.compile("(?m)^RUN java .*-XX:ArchiveClassesAtExit=" + Pattern.quote(archive)
                + " .*-Dquarkus\\.appcds\\.generate=true .*-jar /deployments/quarkus-run\\.jar").matcher(text);
        assertTrue(run.find(), service + ": a RUN step writes " + archive + " with -Dquarkus.appcds.generate=true -jar /deployments/quarkus-run.jar");
        assertTrue(run.start() > text.lastIndexOf("\nUSER "), service + ": the archive is written as the last USER");
        Matcher entryPoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)\\]$").matcher(text);
        assertTrue(entryPoint.find(), service + ": ENTRYPOINT in exec form");
        String args = entryPoint.group(1);
        int flag = args.indexOf("\"-XX:SharedArchiveFile=" + archive + "\"");
        assertTrue(flag >= 0 && flag < args.indexOf("\"-jar\""), service + ": the entry point maps " + archive + " (a JVM option, before -jar)");
        Matcher pom = Pattern.compile("<quarkus\\.package\\.jar\\.appcds\\.enabled>true<").matcher(Files.readString(Repo.root().resolve("pom.xml")));
        assertTrue(pom.find(), "the root pom enables AppCDS (quarkus.package.jar.appcds.enabled)");
    }
}
