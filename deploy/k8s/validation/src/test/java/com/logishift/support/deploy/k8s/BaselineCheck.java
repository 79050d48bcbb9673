package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every service Deployment must have: the three Quarkus health probes, CPU and memory
 * requests and limits, a non-root, read-only, capability-less container with the RuntimeDefault
 * seccomp profile and a writable /tmp (emptyDir), no service-account token, a pinned image, and a
 * graceful shutdown that fits in the termination grace period (>= 30 s). Third-party workloads
 * ({@link ThirdParty}: clamd) get the same, except that their three probes may be of any kind and
 * they have no Quarkus shutdown timeout.
 */
final class BaselineCheck {

    static final String CHECK = "baseline";

    private static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "readinessProbe", "/q/health/ready",
            "livenessProbe", "/q/health/live");

    private BaselineCheck() {
    }

    static void check(List<Manifest> all, Finding.Report report) {
        for (Manifest workload : all) {
            if (!workload.is("Deployment")) {
                continue;
            }
            JsonNode pod = workload.podTemplate().orElseThrow().path("spec");
            JsonNode podSecurity = pod.path("securityContext");
            if (pod.path("automountServiceAccountToken").asBoolean(true)) {
                report.add(CHECK, workload, "automountServiceAccountToken must be false (no service calls the Kubernetes API)");
            }
            long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
            if (grace < 30) {
                report.add(CHECK, workload, "terminationGracePeriodSeconds " + grace + " is below 30");
            }
            boolean thirdParty = ThirdParty.is(workload);
            for (JsonNode c : Manifest.each(pod.path("containers"))) {
                String where = "container " + c.path("name").asText() + ": ";
                JsonNode sc = c.path("securityContext");
                if (!sc.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                    report.add(CHECK, workload, where + "runAsNonRoot must be true");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    report.add(CHECK, workload, where + "allowPrivilegeEscalation must be false");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    report.add(CHECK, workload, where + "readOnlyRootFilesystem must be true");
                }
                boolean dropsAll = false;
                for (JsonNode cap : Manifest.each(sc.path("capabilities").path("drop"))) {
                    dropsAll |= cap.asText().equals("ALL");
                }
                if (!dropsAll) {
                    report.add(CHECK, workload, where + "capabilities must drop ALL");
                }
                String seccomp = sc.path("seccompProfile").path("type").asText(podSecurity.path("seccompProfile").path("type").asText(""));
                if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                    report.add(CHECK, workload, where + "seccompProfile must be RuntimeDefault");
                }
                tmp(workload, pod, c, where, report);
                for (Map.Entry<String, String> probe : PROBES.entrySet()) {
                    String path = c.path(probe.getKey()).path("httpGet").path("path").asText("");
                    if (thirdParty) {
                        if (!c.has(probe.getKey())) {
                            report.add(CHECK, workload, where + probe.getKey() + " is missing");
                        }
                    } else if (!path.equals(probe.getValue())) {
                        report.add(CHECK, workload, where + probe.getKey() + " must be an HTTP GET of " + probe.getValue()
                                + (path.isEmpty() ? "" : ", is " + path));
                    }
                }
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (!c.path("resources").path(kind).has(resource)) {
                            report.add(CHECK, workload, where + "resources." + kind + "." + resource + " is missing");
                        }
                    }
                }
                String image = c.path("image").asText("");
                String last = image.substring(image.lastIndexOf('/') + 1);
                if (!last.contains(":") && !image.contains("@sha256:") || last.endsWith(":latest")) {
                    report.add(CHECK, workload, where + "image " + image + " has no pinned tag or digest");
                }
                if (!thirdParty) {
                    shutdown(workload, c, grace, all, where, report);
                }
            }
        }
    }

    private static void tmp(Manifest workload, JsonNode pod, JsonNode c, String where, Finding.Report report) {
        for (JsonNode mount : Manifest.each(c.path("volumeMounts"))) {
            if (mount.path("mountPath").asText().equals("/tmp")) {
                for (JsonNode volume : Manifest.each(pod.path("volumes"))) {
                    if (volume.path("name").asText().equals(mount.path("name").asText()) && volume.has("emptyDir")) {
                        return;
                    }
                }
            }
        }
        report.add(CHECK, workload, where + "needs an emptyDir volume mounted at /tmp (the root filesystem is read-only)");
    }

    private static void shutdown(Manifest workload, JsonNode c, long grace, List<Manifest> all, String where, Finding.Report report) {
        Optional<String> timeout = Optional.ofNullable(ContainerEnv.of(c, all).get("QUARKUS_SHUTDOWN_TIMEOUT")).map(ContainerEnv.Variable::value);
        if (timeout.isEmpty()) {
            report.add(CHECK, workload, where + "QUARKUS_SHUTDOWN_TIMEOUT is not set: Quarkus would stop without waiting for requests in flight");
            return;
        }
        long preStop = c.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(0);
        long seconds;
        try {
            String value = timeout.get().trim().toUpperCase();
            seconds = value.matches("\\d+") ? Long.parseLong(value) : Duration.parse(value.startsWith("P") ? value : "PT" + value).getSeconds();
        } catch (RuntimeException e) {
            report.add(CHECK, workload, where + "QUARKUS_SHUTDOWN_TIMEOUT " + timeout.get() + " is not a duration");
            return;
        }
        if (preStop + seconds >= grace) {
            report.add(CHECK, workload, where + "preStop (" + preStop + " s) + QUARKUS_SHUTDOWN_TIMEOUT (" + seconds
                    + " s) does not fit in terminationGracePeriodSeconds (" + grace + " s)");
        }
    }
}
