package com.logishift.support.deploy.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where things are: the repository root, deploy/k8s and the service modules. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("support.repository.root");
        Path start = configured != null ? Paths.get(configured) : Paths.get("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s/base"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with deploy/k8s/base) from " + start);
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    static Path overlays() {
        return k8s().resolve("overlays");
    }

    /** The broken manifests; rendered from the source tree, since they refer to the overlays by relative path. */
    static Path fixtures() {
        return k8s().resolve("validation/src/test/resources/fixtures");
    }

    static Path testResources() {
        return k8s().resolve("validation/src/test/resources");
    }

    /** A service's module folder, e.g. agent-service/; may not exist yet (the gateway). */
    static Path module(String service) {
        return root().resolve(service);
    }
}
