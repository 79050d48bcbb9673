package com.logishift.support.kit.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * The service's incoming Kafka channels as its configuration declares them
 * ({@code mp.messaging.incoming.<channel>.*} with the smallrye-kafka connector), for the metrics
 * that exist per channel, group and topic.
 */
public record KafkaInputs(String channel, String topic, String group, boolean deadLetters) {

    private static final Pattern CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.([^.\"]+)\\.connector");

    /** Every incoming smallrye-kafka channel, by name. */
    public static List<KafkaInputs> of(Config config) {
        TreeSet<String> channels = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher matcher = CONNECTOR.matcher(property);
            if (matcher.matches() && "smallrye-kafka".equals(config.getOptionalValue(property, String.class).orElse(null))) {
                channels.add(matcher.group(1));
            }
        }
        List<KafkaInputs> inputs = new ArrayList<>();
        for (String channel : channels) {
            String prefix = "mp.messaging.incoming." + channel + ".";
            // Quarkus' defaults: the channel's name as topic, the application's name as group
            String group = config.getOptionalValue(prefix + "group.id", String.class)
                    .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                    .orElseGet(() -> config.getOptionalValue("quarkus.application.name", String.class).orElse(channel));
            inputs.add(new KafkaInputs(channel, config.getOptionalValue(prefix + "topic", String.class).orElse(channel),
                    group, "dead-letter-queue".equals(config.getOptionalValue(prefix + "failure-strategy", String.class)
                            .orElse(null))));
        }
        return inputs;
    }
}
