package io.nextbestaction;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The log records of a category and below, INFO and up, as "LEVEL category: message", while open. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        logger.addHandler(this);
    }

    /** "" for every category. */
    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    public List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": "
                + (r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage())
                + (r.getThrown() == null ? "" : " [with a stack trace]")).toList();
    }

    public void clear() {
        records.clear();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
