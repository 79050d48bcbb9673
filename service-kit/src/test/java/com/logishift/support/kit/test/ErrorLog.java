package com.logishift.support.kit.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every ERROR (or worse) the service logs while open: a client's mistake must cause none.
 * {@link #open(Level)} collects from a lower level too (e.g. that an outage is warned about once).
 */
public final class ErrorLog implements AutoCloseable {

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Level least;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= least.intValue()) {
                Throwable thrown = record.getThrown();
                errors.add(record.getLoggerName() + ": " + record.getMessage() + (thrown == null ? "" : " " + thrown));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private ErrorLog(Level least) {
        this.least = least;
        Logger.getLogger("").addHandler(handler);
    }

    public static ErrorLog open() {
        return new ErrorLog(Level.SEVERE);
    }

    public static ErrorLog open(Level least) {
        return new ErrorLog(least);
    }

    /** What was logged while open, each as "logger: message [exception]". */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
