package com.logishift.support.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording's CPU samples (jdk.ExecutionSample): the hottest methods (top frame),
 * the hottest packages (top frame), and the methods most often on the stack at all (inclusive).
 *
 * <p>Usage: JfrTop RECORDING.jfr [N]
 */
public final class JfrTop {

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = st.getFrames();
            String top = name(frames.get(0));
            self.merge(top, 1, Integer::sum);
            packages.merge(pkg(frames.get(0)), 1, Integer::sum);
            frames.stream().map(JfrTop::name).distinct().forEach(m -> inclusive.merge(m, 1, Integer::sum));
            frames.stream().map(JfrTop::name).filter(m -> m.startsWith("com.logishift.")).distinct()
                    .forEach(m -> ours.merge(m, 1, Integer::sum));
        }
        System.out.println("CPU samples (jdk.ExecutionSample, Java code only): " + samples);
        print("top frames (self)", self, samples, n);
        print("top frames by package (self)", packages, samples, n);
        print("on the stack (inclusive), the project's own methods", ours, samples, n);
        print("on the stack (inclusive)", inclusive, samples, n);
    }

    private static void print(String title, Map<String, Integer> counts, int total, int n) {
        System.out.println();
        System.out.println("== " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(e -> System.out.printf("%6.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String pkg(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        return parts.length <= 3 ? type : java.util.Arrays.stream(parts).limit(3).collect(Collectors.joining("."));
    }
}
