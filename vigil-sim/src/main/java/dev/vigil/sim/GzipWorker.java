package dev.vigil.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;

/**
 * Compresses and writes log files on threads of their own, so record generation and deflate share the
 * cores. Each file belongs to one thread (by file id), which receives that file's chunks in submission
 * order through a bounded queue; the producer blocks when a queue is full, which bounds memory. The output
 * therefore does not depend on timing.
 */
final class GzipWorker implements AutoCloseable {

    private final Lane[] lanes;
    /** Chunk arrays the threads are done with, for the producer to fill again instead of allocating. */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(64);
    private boolean closed;

    /**
     * @param level         deflate level, 1 (fastest) to 9
     * @param threads       compression threads
     * @param queueCapacity chunks that may wait per thread
     */
    GzipWorker(int level, int threads, int queueCapacity) {
        lanes = new Lane[threads];
        for (int i = 0; i < threads; i++) {
            lanes[i] = new Lane(i, level, queueCapacity);
        }
    }

    void open(int fileId, Path path) {
        lane(fileId).submit(new Task(Task.Kind.OPEN, fileId, path, null, 0));
    }

    /** Hands over {@code data}: the caller must not touch the array afterwards. */
    void write(int fileId, byte[] data, int length) {
        lane(fileId).submit(new Task(Task.Kind.WRITE, fileId, null, data, length));
    }

    /** An array of exactly {@code size} bytes to fill, reused when one is spare. */
    byte[] buffer(int size) {
        byte[] b = spare.poll();
        return b != null && b.length == size ? b : new byte[size];
    }

    void finish(int fileId) {
        lane(fileId).submit(new Task(Task.Kind.FINISH, fileId, null, null, 0));
    }

    /** Files completed; valid after {@link #close()}. */
    long files() {
        long n = 0;
        for (Lane lane : lanes) {
            n += lane.files;
        }
        return n;
    }

    /** Compressed bytes written; valid after {@link #close()}. */
    long bytes() {
        long n = 0;
        for (Lane lane : lanes) {
            n += lane.bytes;
        }
        return n;
    }

    /** Waits for all submitted work and stops the threads; rethrows the first write failure. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException first = null;
        for (Lane lane : lanes) {
            try {
                lane.stop();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private Lane lane(int fileId) {
        return lanes[Math.floorMod(fileId, lanes.length)];
    }

    private record Task(Kind kind, int fileId, Path path, byte[] data, int length) {
        enum Kind { OPEN, WRITE, FINISH, STOP }
    }

    private static final Task STOP = new Task(Task.Kind.STOP, -1, null, null, 0);

    /** One compression thread with its queue and its open files. */
    private final class Lane {
        private final BlockingQueue<Task> queue;
        private final int level;
        private final Thread thread;
        private final Map<Integer, GzipMember> open = new HashMap<>();
        /** Deflaters of finished files, reset for the next ones: zlib set-up is costly per small file. */
        private final ArrayDeque<Deflater> idle = new ArrayDeque<>();
        private final byte[] scratch = new byte[1 << 16];
        /** Per thread: a directory another thread is still creating must not count as created here. */
        private final Set<Path> createdDirectories = new HashSet<>();
        private volatile Throwable failure;
        private long files;
        private long bytes;

        Lane(int index, int level, int capacity) {
            this.level = level;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this::run, "vigil-sim-gzip-" + index);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        void submit(Task task) {
            rethrow();
            try {
                put(task);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing log files", e);
            }
        }

        void stop() {
            try {
                put(STOP);
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while finishing log files", e);
            }
            rethrow();
        }

        /** Blocks while the queue is full, but never on a thread that has already stopped. */
        private void put(Task task) throws InterruptedException {
            while (!queue.offer(task, 100, TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    rethrow();
                    throw new IllegalStateException("log file writer stopped unexpectedly");
                }
            }
        }

        private void rethrow() {
            Throwable f = failure;
            if (f instanceof IOException io) {
                throw new UncheckedIOException("could not write a log file: " + io.getMessage()
                        + " (check free space and permissions of the output directory)", io);
            }
            if (f != null) {
                throw new IllegalStateException("log file writer failed: " + f.getMessage(), f);
            }
        }

        private void run() {
            while (true) {
                Task task;
                try {
                    task = queue.take();
                } catch (InterruptedException e) {
                    failure = e;
                    closeAllQuietly();
                    return;
                }
                if (task.kind() == Task.Kind.STOP) {
                    if (failure == null && !open.isEmpty()) {
                        failure = new IllegalStateException(open.size() + " log files were never finished");
                    }
                    closeAllQuietly();
                    return;
                }
                if (failure != null) {
                    continue; // drain so the producer never blocks on a dead consumer
                }
                try {
                    handle(task);
                } catch (IOException | RuntimeException e) {
                    failure = e;
                    closeAllQuietly();
                }
            }
        }

        private void handle(Task task) throws IOException {
            switch (task.kind()) {
                case OPEN -> {
                    Path dir = task.path().getParent();
                    if (createdDirectories.add(dir)) {
                        Files.createDirectories(dir);
                    }
                    Deflater deflater = idle.isEmpty() ? new Deflater(level, true) : idle.pop();
                    open.put(task.fileId(), new GzipMember(Files.newOutputStream(task.path()), deflater));
                }
                case WRITE -> {
                    member(task.fileId()).write(task.data(), 0, task.length(), scratch);
                    spare.offer(task.data());
                }
                case FINISH -> {
                    GzipMember member = open.remove(task.fileId());
                    if (member == null) {
                        throw new IllegalStateException("log file " + task.fileId() + " is not open");
                    }
                    bytes += member.finish(scratch);
                    member.deflater().reset();
                    idle.push(member.deflater());
                    files++;
                }
                case STOP -> throw new IllegalStateException("unreachable");
            }
        }

        private GzipMember member(int fileId) {
            GzipMember member = open.get(fileId);
            if (member == null) {
                throw new IllegalStateException("log file " + fileId + " is not open");
            }
            return member;
        }

        /** Releases zlib memory; files still open after a failure are left incomplete. */
        private void closeAllQuietly() {
            for (GzipMember member : open.values()) {
                member.deflater().end();
                try {
                    member.close();
                } catch (IOException ignored) {
                    // the first failure is already recorded
                }
            }
            open.clear();
            idle.forEach(Deflater::end);
            idle.clear();
        }
    }
}
