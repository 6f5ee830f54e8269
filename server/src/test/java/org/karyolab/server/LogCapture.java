package org.karyolab.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every log record of WARNING or above while open (JUL's root logger; Helidon's System.Logger ends there too). */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        setLevel(Level.WARNING);
        Logger.getLogger("").addHandler(this);
    }

    /** "LEVEL logger: message" of each record caught so far. */
    public List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")")).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
