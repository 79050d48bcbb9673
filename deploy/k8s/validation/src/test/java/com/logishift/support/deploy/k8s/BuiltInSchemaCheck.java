package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.*;
import java.util.Iterator;
import java.util.Map;

/**
 * Built-in kinds against the Kubernetes 1.32 API, using the models of the official Java client
 * (io.kubernetes:client-java-api 24.x, generated from the 1.32 OpenAPI document): its JSON reader
 * rejects fields a model does not define, missing required fields and values of the wrong type.
 * The reader quietly turns "2" into 2 and "no" into false, so every object is also written back
 * and any text value that came back as a number or boolean is reported.
 *
 * <p>Only the group/version/kind pairs that Kubernetes 1.32 serves are accepted; apiVersions that
 * were removed earlier (extensions/v1beta1 Ingress, policy/v1beta1 PodDisruptionBudget, ...) are
 * reported with the version that replaced them.
 */
final class BuiltInSchemaCheck {

    static final String CHECK = "api-schema";

    /** Served by Kubernetes 1.32 (the kinds a deployment like ours can contain). */
    static final Map<String, Class<?>> SERVED = Map.ofEntries(
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("v1/Pod", V1Pod.class),
            Map.entry("v1/LimitRange", V1LimitRange.class),
            Map.entry("v1/ResourceQuota", V1ResourceQuota.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet.class),
            Map.entry("apps/v1/DaemonSet", V1DaemonSet.class),
            Map.entry("batch/v1/Job", V1Job.class),
            Map.entry("batch/v1/CronJob", V1CronJob.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class),
            Map.entry("networking.k8s.io/v1/IngressClass", V1IngressClass.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("autoscaling/v1/HorizontalPodAutoscaler", V1HorizontalPodAutoscaler.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", V1ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", V1ClusterRoleBinding.class),
            Map.entry("scheduling.k8s.io/v1/PriorityClass", V1PriorityClass.class),
            Map.entry("apiextensions.k8s.io/v1/CustomResourceDefinition", V1CustomResourceDefinition.class));

    /** apiVersions Kubernetes no longer serves, with what replaced them. */
    static final Map<String, String> REMOVED = Map.of(
            "extensions/v1beta1", "removed in Kubernetes 1.16/1.22: use apps/v1 (workloads) or networking.k8s.io/v1 (Ingress, NetworkPolicy)",
            "networking.k8s.io/v1beta1", "removed in Kubernetes 1.22: use networking.k8s.io/v1",
            "policy/v1beta1", "removed in Kubernetes 1.25: use policy/v1",
            "autoscaling/v2beta1", "removed in Kubernetes 1.25: use autoscaling/v2",
            "autoscaling/v2beta2", "removed in Kubernetes 1.26: use autoscaling/v2",
            "batch/v1beta1", "removed in Kubernetes 1.25: use batch/v1",
            "apps/v1beta1", "removed in Kubernetes 1.16: use apps/v1",
            "apps/v1beta2", "removed in Kubernetes 1.16: use apps/v1",
            "rbac.authorization.k8s.io/v1beta1", "removed in Kubernetes 1.22: use rbac.authorization.k8s.io/v1");

    /** Building one registers adapters for every model class: done once. */
    static final JSON CLIENT_JSON = new JSON();

    private BuiltInSchemaCheck() {
    }

    static boolean isBuiltInGroup(String group) {
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    static void check(Manifest m, Finding.Report report) {
        String gvk = m.apiVersion() + "/" + m.kind();
        Class<?> model = SERVED.get(gvk);
        if (model == null) {
            String removed = REMOVED.get(m.apiVersion());
            report.add(CHECK, m, removed != null
                    ? "apiVersion " + m.apiVersion() + " is not served by Kubernetes 1.32 (" + removed + ")"
                    : "apiVersion " + m.apiVersion() + " kind " + m.kind() + " is not a kind Kubernetes 1.32 serves");
            return;
        }
        String json = m.node().toString();
        Object parsed;
        try {
            parsed = CLIENT_JSON.deserialize(json, model);
        } catch (RuntimeException e) {
            report.add(CHECK, m, "does not match the Kubernetes 1.32 " + model.getSimpleName() + " schema: " + brief(e));
            return;
        }
        JsonElement written = JsonParser.parseString(CLIENT_JSON.serialize(parsed));
        compareTypes(m.node(), written, "", m, report);
    }

    /** Reports text in the manifest that the model read as a number or a boolean. */
    private static void compareTypes(JsonNode given, JsonElement written, String path, Manifest m, Finding.Report report) {
        if (written == null || written.isJsonNull()) {
            return;
        }
        if (given.isObject() && written.isJsonObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compareTypes(field.getValue(), written.getAsJsonObject().get(field.getKey()), path + "." + field.getKey(), m, report);
            }
        } else if (given.isArray() && written.isJsonArray()) {
            for (int i = 0; i < given.size() && i < written.getAsJsonArray().size(); i++) {
                compareTypes(given.get(i), written.getAsJsonArray().get(i), path + "[" + i + "]", m, report);
            }
        } else if (given.isTextual() && written.isJsonPrimitive() && !written.getAsJsonPrimitive().isString()) {
            report.add(CHECK, m, "wrong type at " + path.substring(1) + ": \"" + given.asText() + "\" is text, the API expects a "
                    + (written.getAsJsonPrimitive().isBoolean() ? "boolean" : "number"));
        } else if (given.isNumber() && written.isJsonPrimitive() && written.getAsJsonPrimitive().isBoolean()) {
            report.add(CHECK, m, "wrong type at " + path.substring(1) + ": " + given.asText() + " is a number, the API expects a boolean");
        }
    }

    static String brief(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof NumberFormatException || root instanceof IllegalStateException) {
            message = root.getClass().getSimpleName() + ": " + message;
        }
        int json = message.indexOf(" JSON: ");
        return json > 0 ? message.substring(0, json) : message;
    }
}
