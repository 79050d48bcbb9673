package com.logishift.support.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Something wrong with a rendered object: which check found it, on what, and what. */
record Finding(String check, String object, String message) {

    @Override
    public String toString() {
        return "[" + check + "] " + object + ": " + message;
    }

    /** The findings of one validation run. */
    static final class Report {
        private final List<Finding> findings = new ArrayList<>();

        void add(String check, Manifest object, String message) {
            findings.add(new Finding(check, object.id(), message));
        }

        void add(String check, String object, String message) {
            findings.add(new Finding(check, object, message));
        }

        List<Finding> findings() {
            return List.copyOf(findings);
        }

        boolean isEmpty() {
            return findings.isEmpty();
        }

        @Override
        public String toString() {
            return findings.isEmpty() ? "no findings"
                    : findings.size() + " finding(s):\n  " + findings.stream().map(Finding::toString).collect(Collectors.joining("\n  "));
        }
    }
}
