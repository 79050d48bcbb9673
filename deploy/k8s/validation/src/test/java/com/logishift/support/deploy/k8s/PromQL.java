package com.logishift.support.deploy.k8s;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. promtool says whether an expression parses; this
 * says what it reads: after blanking strings, label matchers, ranges, offsets and the label lists of
 * by/without/on/ignoring/group_*, every identifier that is not a function or aggregation call (a
 * name followed by "(") and not a keyword is a metric name.
 */
final class PromQL {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "inf", "nan", "start", "end");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LIST = Pattern.compile("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private PromQL() {
    }

    static Set<String> metricNames(String expression) {
        String s = STRING.matcher(expression).replaceAll("\"\"");
        s = s.replaceAll("#[^\\n]*", " ");
        s = s.replaceAll("\\{[^}]*}", " ");
        s = s.replaceAll("\\[[^\\]]*]", " ");
        s = LABEL_LIST.matcher(s).replaceAll(" ");
        s = s.replaceAll("(?i)\\boffset\\s+-?[0-9a-z]+", " ");
        s = s.replaceAll("@\\s*[0-9.]+", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Grafana's variables ($namespace, ${namespace}, $__rate_interval, …) replaced by something PromQL accepts where they stand. */
    static String withoutGrafanaVariables(String expression) {
        return expression.replaceAll("\\$\\{?__(rate_)?interval}?", "5m").replaceAll("\\$\\{?__range}?", "1h")
                .replaceAll("\\$\\{?(\\w+)(?::\\w+)?}?", "$1");
    }
}
