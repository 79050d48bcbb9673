package com.logishift.support.deploy.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads, taken from its own sources: the keys of
 * src/main/resources/application.properties (profile prefixes removed), the environment variables
 * its values refer to ({@code ${SUPPORT_JWKS_URL:…}}), the keys of its {@code @ConfigMapping}
 * interfaces and {@code @ConfigProperty} injections, and its Kafka channels. A service whose
 * module does not exist yet (the gateway) is described by src/test/resources/contracts/NAME.properties.
 */
record ServiceSources(String service, String origin, Properties properties, Set<String> keys, Set<String> envReferences) {

    private static final Map<String, ServiceSources> CACHE = new ConcurrentHashMap<>();
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");

    static ServiceSources of(String service) {
        return CACHE.computeIfAbsent(service, ServiceSources::load);
    }

    /** What a Deployment's service reads; empty for other kinds and for a service it cannot tell (ConfigCheck reports that). */
    static Optional<ServiceSources> ofDeployment(Manifest workload) {
        if (!workload.is("Deployment")) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(ContainerEnv.serviceOf(workload)));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The environment-variable form of a key (MicroProfile Config: non-alphanumerics to '_', upper case). */
    static String envName(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return out.toString();
    }

    boolean usesKafka() {
        return keys.contains("kafka.bootstrap.servers");
    }

    boolean hasDatabase() {
        return keys.contains("quarkus.datasource.db-kind");
    }

    /** The value of a key for the production profile (%prod. wins over the plain key). */
    Optional<String> value(String key) {
        String prod = properties.getProperty("%prod." + key);
        return Optional.ofNullable(prod != null ? prod : properties.getProperty(key));
    }

    /** Kafka channels as name -> direction ("incoming"/"outgoing"), production profile only. */
    Map<String, String> channels() {
        Map<String, String> channels = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher m = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector$").matcher(key);
            if (m.matches()) {
                channels.put(m.group(2), m.group(1));
            }
        }
        return channels;
    }

    private static ServiceSources load(String service) {
        Path module = Repo.module(service);
        Path propertiesFile = module.resolve("src/main/resources/application.properties");
        Properties properties = new Properties();
        String origin;
        Set<String> keys = new TreeSet<>();
        Set<String> env = new TreeSet<>();
        try {
            if (Files.isRegularFile(propertiesFile)) {
                origin = Repo.root().relativize(propertiesFile).toString();
                properties.load(new StringReader(Files.readString(propertiesFile)));
                keys.addAll(javaKeys(module.resolve("src/main/java")));
                // the shared technical module's settings (request limits, revocation list) are read by
                // every service that depends on it
                String pom = Files.readString(module.resolve("pom.xml"));
                if (pom.contains("<artifactId>service-kit</artifactId>")) {
                    keys.addAll(javaKeys(Repo.root().resolve("service-kit/src/main/java")));
                }
            } else {
                Path contract = Repo.testResources().resolve("contracts/" + service + ".properties");
                if (!Files.isRegularFile(contract)) {
                    throw new IllegalStateException("no " + propertiesFile + " and no contract file " + contract);
                }
                origin = Repo.root().relativize(contract) + " (the module does not exist yet)";
                properties.load(new StringReader(Files.readString(contract)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : properties.stringPropertyNames()) {
            keys.add(PROFILE.matcher(key).replaceFirst(""));
            Matcher m = EXPRESSION.matcher(properties.getProperty(key));
            while (m.find()) {
                if (ENV_NAME.matcher(m.group(1)).matches()) {
                    env.add(m.group(1));
                }
            }
        }
        return new ServiceSources(service, origin, properties, keys, env);
    }

    // ------------------------------------------------------------------------------------------
    // @ConfigMapping interfaces and @ConfigProperty injections, read from the Java sources

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("(?:@\\w+(?:\\([^)]*\\))?\\s+)*([\\w.]+(?:<[^>;()]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)\\s*$");

    static Set<String> javaKeys(Path sources) throws IOException {
        Set<String> keys = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return keys;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher property = CONFIG_PROPERTY.matcher(code);
                while (property.find()) {
                    keys.add(property.group(1));
                }
                Matcher mapping = MAPPING.matcher(code);
                if (mapping.find()) {
                    Map<String, String> bodies = interfaceBodies(code);
                    Matcher root = INTERFACE.matcher(code.substring(mapping.end()));
                    if (root.find()) {
                        collect(mapping.group(1), root.group(1), bodies, keys, new LinkedHashSet<>());
                    }
                }
            }
        }
        return keys;
    }

    /** interface name -> its body without the bodies of interfaces nested in it. */
    private static Map<String, String> interfaceBodies(String code) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(code);
        while (m.find()) {
            int start = m.end();
            int depth = 1;
            int i = start;
            StringBuilder own = new StringBuilder();
            while (i < code.length() && depth > 0) {
                char c = code.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (depth == 1) {
                    own.append(c);
                }
                if (depth == 1 && c == '}') {
                    own.append(';'); // end of a nested block
                }
                i++;
            }
            bodies.put(m.group(1), own.toString());
        }
        return bodies;
    }

    private static void collect(String prefix, String iface, Map<String, String> bodies, Set<String> keys, Set<String> seen) {
        String body = bodies.get(iface);
        if (body == null || !seen.add(iface)) {
            return;
        }
        for (String statement : body.split(";")) {
            Matcher method = METHOD.matcher(statement.trim() + ";");
            if (!method.find()) {
                continue;
            }
            String type = method.group(1).replaceAll("^(Optional|List|Set)<(.*)>$", "$2");
            Matcher named = WITH_NAME.matcher(statement.substring(0, Math.max(0, statement.indexOf(method.group(2)))).trim());
            String segment = named.find() ? named.group(1) : kebab(method.group(2));
            String key = prefix + "." + segment;
            if (bodies.containsKey(type)) {
                collect(key, type, bodies, keys, seen);
            } else {
                keys.add(key);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    @Override
    public String toString() {
        return service + " (" + origin + ")";
    }

    static List<String> describe(ServiceSources s) {
        List<String> lines = new ArrayList<>();
        lines.add(s.toString());
        lines.add("  keys: " + s.keys());
        lines.add("  env references: " + s.envReferences());
        return lines;
    }
}
