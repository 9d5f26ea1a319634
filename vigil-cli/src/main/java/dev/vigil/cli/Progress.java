package dev.vigil.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display for long scans on a terminal: files, percentage of bytes, throughput and rule
 * hits, redrawn in place on standard error. Silent when standard error is not a terminal, so logs and CI
 * output stay clean.
 */
final class Progress implements AutoCloseable {

    private final ScanPipeline.Counters c;
    private final PrintStream err;
    private final Thread thread;
    private final long startNanos = System.nanoTime();
    private volatile boolean done;

    private Progress(ScanPipeline.Counters c, PrintStream err) {
        this.c = c;
        this.err = err;
        this.thread = new Thread(this::loop, "vigil-progress");
        this.thread.setDaemon(true);
    }

    static Progress start(ScanPipeline.Counters c, PrintStream err, boolean enabled) {
        Progress p = new Progress(c, err);
        if (enabled) {
            p.thread.start();
        }
        return p;
    }

    private void loop() {
        try {
            Thread.sleep(300); // short scans finish before any line is drawn
            while (!done) {
                draw();
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void draw() {
        if (c.filesTotal.get() == 0) {
            return; // still listing the inputs
        }
        long total = Math.max(1, c.bytesTotal.get());
        long read = c.bytesRead.sum();
        double pct = Math.min(100.0, 100.0 * read / total);
        double secs = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        int width = 24;
        int fill = (int) Math.round(pct / 100 * width);
        String bar = "#".repeat(fill) + "-".repeat(width - fill);
        String line = String.format(Locale.ROOT, "\r[%s] %5.1f%%  files %,d/%,d  records %,d  %,.0f rec/s  %.1f MB/s read  hits %,d ",
                bar, pct, c.filesDone.sum(), c.filesTotal.get(), c.records.sum(), c.records.sum() / secs,
                read / secs / 1e6, c.hits.sum());
        synchronized (err) {
            err.print(line);
            err.flush();
        }
    }

    @Override
    public void close() {
        done = true;
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (err) {
                err.print("\r" + " ".repeat(140) + "\r");
                err.flush();
            }
        }
    }
}
