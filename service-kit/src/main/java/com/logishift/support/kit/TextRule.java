package com.logishift.support.kit;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one rule for text a client sends, in a body field, a query or a path parameter: no control
 * characters but tab, line feed and carriage return (PostgreSQL refuses NUL; the others hide text
 * in logs and pages), and no unpaired UTF-16 surrogate (it would be stored as '?', so different
 * e-mail addresses would become one). Request bodies apply it through {@link RequestJson}.
 */
public final class TextRule {

    static final String CONTROL = "must not contain control characters (only tab and line breaks)";
    static final String SURROGATE = "must not contain unpaired surrogate characters";

    /** Why {@code text} is refused, or null when it is acceptable. */
    public static String violation(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return SURROGATE;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return CONTROL;
            }
        }
        return null;
    }

    /** Query and path parameters: the same rule, checked before any resource sees them. */
    public static class Parameters {

        // before every other filter: none of them should see such a value either
        @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
        public void check(UriInfo uri) {
            check(uri.getPathParameters());
            check(uri.getQueryParameters());
        }

        private static void check(MultivaluedMap<String, String> parameters) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                for (String value : parameter.getValue()) {
                    String violation = violation(value);
                    if (violation != null) {
                        throw ProblemException.invalidField(parameter.getKey(), violation);
                    }
                }
            }
        }
    }

    private TextRule() {
    }
}
