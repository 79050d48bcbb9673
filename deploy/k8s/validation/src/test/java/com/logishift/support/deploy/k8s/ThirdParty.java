package com.logishift.support.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Workloads that run someone else's image rather than one of the services (so no Quarkus
 * configuration, health endpoints or shutdown timeout to check): the name a Deployment's pods carry
 * (app.kubernetes.io/name) and the image repository all its containers must run. A Deployment of that
 * name running anything else is checked as a service.
 */
final class ThirdParty {

    static final Map<String, String> IMAGES = Map.of("clamd", "clamav/clamav");

    private ThirdParty() {
    }

    static boolean is(Manifest workload) {
        String image = IMAGES.get(ContainerEnv.serviceOf(workload));
        if (image == null || workload.podTemplate().isEmpty()) {
            return false;
        }
        JsonNode spec = workload.podTemplate().get().path("spec");
        boolean all = true;
        for (String list : new String[] {"initContainers", "containers"}) {
            for (JsonNode c : Manifest.each(spec.path(list))) {
                all &= c.path("image").asText().startsWith(image + ":") || c.path("image").asText().startsWith(image + "@");
            }
        }
        return all;
    }
}
