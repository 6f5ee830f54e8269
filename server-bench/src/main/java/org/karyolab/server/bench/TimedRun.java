package org.karyolab.server.bench;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Runs {@code clients} simulated users on virtual threads for a warm-up, then a measured window.
 * Only operations that start and finish inside the window count towards latencies and throughput;
 * errors are counted over the whole run (warm-up included), so none goes unreported.
 */
public final class TimedRun {

    /** One simulated user. {@link #iterate} runs again and again until {@link Recorder#running()} says stop. */
    @FunctionalInterface
    public interface Client {
        void iterate(Recorder recorder) throws Exception;

        /** Called once, on the client's thread, after its last iteration (e.g. to close its connection). */
        default void close() {
        }
    }

    /** What one run measured. */
    /**
     * @param processCpus CPUs the JVM that ran the clients kept busy on average during the window
     * @param machineBusy share of all the machine's CPU time that was busy during the window (NaN if unknown):
     *                    well above the processes' CPUs / CPUs means something else ran beside the benchmark
     * @param serverCpus  CPUs the server's process kept busy during the window: the same as processCpus when the
     *                    clients run inside it (the JDBC floor), measured apart when the load has its own process
     */
    public record Result(Map<Op, LatencyLog> latencies, long saves, double seconds, Map<String, Long> errors,
                         Map<String, String> errorSamples, double processCpus, double machineBusy, double serverCpus) {

        /** The server's CPU time per annotation save, in milliseconds. */
        public double serverCpuMillisPerSave() {
            return saves == 0 ? Double.NaN : serverCpus * seconds * 1000 / saves;
        }

        public Result withServerCpus(double cpus) {
            return new Result(latencies, saves, seconds, errors, errorSamples, processCpus, machineBusy, cpus);
        }

        public long requests() {
            return latencies.values().stream().mapToLong(LatencyLog::count).sum();
        }

        public double requestsPerSecond() {
            return requests() / seconds;
        }

        public double savesPerSecond() {
            return saves / seconds;
        }

        public LatencyLog all() {
            LatencyLog all = new LatencyLog();
            latencies.values().forEach(all::addAll);
            return all;
        }

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The measured window, in System.nanoTime() terms; shared by every client of a run. */
    private static final class Window {
        volatile long start = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;
        volatile boolean stop;
        long thinkMillis;
        final LongAdder liveSaves = new LongAdder();
        final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, String> samples = new ConcurrentHashMap<>();
    }

    /** Per client thread: times its operations and counts its saves. Not thread-safe; one per client. */
    public static final class Recorder {
        private final Window window;
        private final EnumMap<Op, LatencyLog> latencies = new EnumMap<>(Op.class);
        private long saves;

        private Recorder(Window window) {
            this.window = window;
        }

        public boolean running() {
            return !window.stop;
        }

        /** The simulated user's pause between two operations (the think time), if any. */
        public void think() throws InterruptedException {
            if (window.thinkMillis > 0 && running()) Thread.sleep(window.thinkMillis);
        }

        /** Records an operation begun at {@code startNanos} (System.nanoTime) that has just succeeded. */
        public void done(Op op, long startNanos) {
            long end = System.nanoTime();
            if (inWindow(startNanos, end)) latencies.computeIfAbsent(op, o -> new LatencyLog()).add(end - startNanos);
        }

        /** Counts {@code annotations} saved by a successful save begun at {@code startNanos}. */
        public void saved(int annotations, long startNanos) {
            window.liveSaves.add(annotations);
            if (inWindow(startNanos, System.nanoTime())) saves += annotations;
        }

        /** Counts a failed operation as "{@code op}: {@code what}" (e.g. "save: HTTP 412"). */
        public void error(Op op, String what) {
            error(op.label, what);
        }

        /** As {@link #error(Op, String)}, keeping the first {@code sample} answer of each kind for the report. */
        public void error(Op op, String what, String sample) {
            String key = op.label + ": " + what;
            if (sample != null && !sample.isBlank()) window.samples.putIfAbsent(key, sample.length() > 400 ? sample.substring(0, 400) + "..." : sample);
            error(op.label, what);
        }

        void error(String where, String what) {
            window.errors.computeIfAbsent(where + ": " + what, k -> new LongAdder()).increment();
        }

        private boolean inWindow(long start, long end) {
            return start >= window.start && end <= window.end;
        }
    }

    private TimedRun() {
    }

    /** Told when the measured window opens and closes (a load process tells its server's process). */
    public interface WindowListener {
        WindowListener NONE = new WindowListener() {
        };

        default void opened() {
        }

        default void closed() {
        }
    }

    /** @param think pause of each client between two operations; zero for a closed loop at full speed */
    public static Result run(String name, int clients, IntFunction<Client> clientFactory, Duration warmup,
                             Duration measure, Duration think, boolean progress) throws InterruptedException {
        return run(name, clients, clientFactory, warmup, measure, think, progress, WindowListener.NONE);
    }

    public static Result run(String name, int clients, IntFunction<Client> clientFactory, Duration warmup,
                             Duration measure, Duration think, boolean progress, WindowListener listener)
            throws InterruptedException {
        Window window = new Window();
        window.thinkMillis = think.toMillis();
        CpuUse cpuBefore = null, cpuAfter = null;
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = clientFactory.apply(i);
            Recorder recorder = new Recorder(window);
            recorders.add(recorder);
            threads.add(Thread.ofVirtual().name(name + "-client-" + i).unstarted(() -> loop(client, recorder)));
        }
        threads.forEach(Thread::start);
        try {
            tick(name + " warm-up", warmup, window, progress);
            window.start = System.nanoTime();
            window.end = window.start + measure.toNanos();
            cpuBefore = CpuUse.sample();
            listener.opened();
            tick(name, measure, window, progress);
            cpuAfter = CpuUse.sample();
            listener.closed();
        } finally {
            window.stop = true;
            for (Thread t : threads) t.join();
        }
        Map<Op, LatencyLog> latencies = new EnumMap<>(Op.class);
        long saves = 0;
        for (Recorder r : recorders) {
            r.latencies.forEach((op, log) -> latencies.computeIfAbsent(op, o -> new LatencyLog()).addAll(log));
            saves += r.saves;
        }
        Map<String, Long> errors = new TreeMap<>();
        window.errors.forEach((k, v) -> errors.put(k, v.sum()));
        double cpus = cpuAfter.processCpusSince(cpuBefore);
        return new Result(latencies, saves, measure.toNanos() / 1e9, errors, new TreeMap<>(window.samples),
                cpus, cpuAfter.machineBusySince(cpuBefore), cpus);
    }

    private static void loop(Client client, Recorder recorder) {
        try {
            while (recorder.running()) {
                try {
                    client.iterate(recorder);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    recorder.error("client", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
                }
            }
        } finally {
            client.close();
        }
    }

    /** Waits out one phase, showing its progress and the live save rate when asked to. */
    private static void tick(String task, Duration length, Window window, boolean progress) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        if (!progress) {
            Thread.sleep(length);
            return;
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(length.toMillis())
                .setUnit(" s", 1000).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setMaxRenderedLength(100).build()) {
            long begin = System.nanoTime(), lastSaves = window.liveSaves.sum(), lastAt = begin;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) break;
                Thread.sleep(Math.min(500, Math.max(1, (end - now) / 1_000_000)));
                now = System.nanoTime();
                long saves = window.liveSaves.sum();
                bar.stepTo(Math.min(length.toMillis(), (now - begin) / 1_000_000));
                bar.setExtraMessage(String.format(" %,.0f saves/s", (saves - lastSaves) / ((now - lastAt) / 1e9)));
                lastSaves = saves;
                lastAt = now;
            }
            bar.stepTo(length.toMillis());
        }
    }
}
