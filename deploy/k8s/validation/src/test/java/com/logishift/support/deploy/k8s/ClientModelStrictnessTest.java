package com.logishift.support.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema check leans on properties of the Kubernetes Java client and the schema conversion;
 * these pin them down, so a dependency upgrade that loosens them is noticed.
 */
class ClientModelStrictnessTest {

    static Finding.Report check(String yaml) {
        Finding.Report report = new Finding.Report();
        for (Manifest m : Manifest.parseAll(yaml, "inline")) {
            if (CustomResourceCheck.knowsGroup(m.group())) {
                CustomResourceCheck.check(m, report);
            } else {
                BuiltInSchemaCheck.check(m, report);
            }
        }
        return report;
    }

    static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec:
              selector: {app: s}
              ports:
                - {name: http, port: 80, targetPort: http}
            """;

    @Test
    void aValidObjectPasses() {
        assertTrue(check(SERVICE).isEmpty(), () -> check(SERVICE).toString());
    }

    @Test
    void unknownFieldsAreRejected() {
        assertMessage(check(SERVICE.replace("selector:", "selektor:")), "The field `selektor` in the JSON string is not defined");
    }

    @Test
    void missingRequiredFieldsAreRejected() {
        assertMessage(check(SERVICE.replace("{name: http, port: 80, targetPort: http}", "{name: http, targetPort: http}")),
                "The required field `port` is not found");
    }

    @Test
    void wrongTypesAreRejectedIncludingQuotedNumbersAndWordBooleans() {
        assertMessage(check(SERVICE.replace("port: 80,", "port: eighty,")), "NumberFormatException");
        assertMessage(check(SERVICE.replace("port: 80,", "port: \"80\",")), "wrong type at spec.ports[0].port");
        assertMessage(check("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: a}
                automountServiceAccountToken: "no"
                """), "wrong type at automountServiceAccountToken");
    }

    @Test
    void quantitiesAreParsed() {
        assertMessage(check("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      resources: {limits: {memory: 512 MB}}
                """), "quantity");
    }

    @Test
    void customResourcesAreStrictUnlessTheCrdPreservesUnknownFields() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: k}}
                spec:
                  partitions: 1
                  replicas: 1
                  config: {anything.goes: "yes"}
                """;
        assertTrue(check(topic).isEmpty(), () -> check(topic).toString());
        assertMessage(check(topic.replace("partitions:", "partitionz:")), "partitionz");
        assertMessage(check(topic.replace("partitions: 1", "partitions: one")), "integer");
        assertMessage(check(topic.replace("metadata: {name: t,", "metadata: {nam: t,")), "metadata: The field `nam`");
    }

    private static void assertMessage(Finding.Report report, String part) {
        List<Finding> findings = report.findings();
        assertEquals(1, findings.stream().filter(f -> f.message().contains(part)).count(),
                () -> "expected one finding containing \"" + part + "\", got " + report);
    }
}
