package com.logishift.support.deploy.k8s;

import java.util.List;

/** Runs every check on the rendered objects of one kustomization. */
final class Validator {

    private Validator() {
    }

    static Finding.Report validate(List<Manifest> all) {
        Finding.Report report = new Finding.Report();
        for (Manifest m : all) {
            if (m.apiVersion().isEmpty() || m.kind().isEmpty()) {
                report.add(BuiltInSchemaCheck.CHECK, m.id(), "has no apiVersion or kind");
            } else if (CustomResourceCheck.knowsGroup(m.group())) {
                CustomResourceCheck.check(m, report);
            } else if (BuiltInSchemaCheck.isBuiltInGroup(m.group())) {
                BuiltInSchemaCheck.check(m, report);
            } else {
                report.add(CustomResourceCheck.CHECK, m, "no CRD of group " + m.group() + " is known (known: " + CustomResourceCheck.groups() + ")");
            }
        }
        ReferenceCheck.check(all, report);
        ConfigCheck.check(all, report);
        KafkaCheck.check(all, report);
        NetworkCheck.check(all, report);
        BaselineCheck.check(all, report);
        MonitoringCheck.check(all, report);
        return report;
    }
}
