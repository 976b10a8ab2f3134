package org.smartcamp.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time (user + system) that processes have used, from {@code /proc/<pid>/stat} (all threads, as the kernel
 * accounts them), so that the bench can say how many microseconds of CPU each process spent per reading: a figure
 * that other load on a shared machine disturbs far less than readings per second.
 */
final class ProcessCpu {
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final double MICROS_PER_TICK = 1e6 / ticksPerSecond();

    /** CPU of a fixed set of processes from {@link #start} on; processes that appear later count from zero. */
    static final class Meter {
        private final Map<Long, Double> start = new HashMap<>();

        /** Records where the processes stand now. */
        void start(Collection<Long> pids) {
            for (long pid : pids) {
                start.put(pid, micros(pid));
            }
        }

        /** Microseconds of CPU the processes used since {@link #start}; NaN when none could be read. */
        double since(Collection<Long> pids) {
            double sum = 0;
            boolean any = false;
            for (long pid : pids) {
                double now = micros(pid);
                if (!Double.isNaN(now)) {
                    sum += now - start.getOrDefault(pid, 0.0);
                    any = true;
                }
            }
            return any ? sum : Double.NaN;
        }
    }

    private ProcessCpu() {
    }

    /** Microseconds of CPU the process has used so far; NaN when it cannot be read (gone, not local, no /proc). */
    static double micros(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: the fields that follow are counted
            // from its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME])) * MICROS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}); 100, Linux's usual value, if unknown. */
    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
