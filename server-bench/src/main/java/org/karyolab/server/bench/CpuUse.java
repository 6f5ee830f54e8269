package org.karyolab.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this JVM and of the whole machine at one instant, so that a run can say how much of
 * the machine it had: on a shared machine, other processes take CPU from the benchmark.
 */
record CpuUse(long wallNanos, long processCpuNanos, long machineBusyTicks, long machineTotalTicks) {

    static CpuUse sample() {
        long process = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        long busy = -1, total = -1;
        try {
            // Linux: "cpu  user nice system idle iowait irq softirq steal ..." in clock ticks
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);
            busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]);
        } catch (IOException | RuntimeException e) {
            // not Linux: the machine's share stays unknown
        }
        return new CpuUse(System.nanoTime(), process, busy, total);
    }

    /** Average number of CPUs this JVM kept busy since {@code before}. */
    double processCpusSince(CpuUse before) {
        if (processCpuNanos < 0 || before.processCpuNanos < 0) return Double.NaN;
        return (processCpuNanos - before.processCpuNanos) / (double) (wallNanos - before.wallNanos);
    }

    /** Share (0..1) of the whole machine's CPU time that was busy since {@code before}. */
    double machineBusySince(CpuUse before) {
        if (machineTotalTicks < 0 || before.machineTotalTicks < 0 || machineTotalTicks == before.machineTotalTicks) return Double.NaN;
        return (machineBusyTicks - before.machineBusyTicks) / (double) (machineTotalTicks - before.machineTotalTicks);
    }
}
