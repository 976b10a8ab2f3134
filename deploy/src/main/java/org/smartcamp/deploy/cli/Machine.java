package org.smartcamp.deploy.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a measurement ran on, for the reports that print figures. */
final class Machine {
    private Machine() {
    }

    /** Host, CPU model, cores, RAM, Java and OS in one line. */
    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return host() + ": " + cpu() + ", " + rt.availableProcessors() + " cores, " + memory() + " RAM, Java "
            + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
            + System.getProperty("os.version");
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static String cpu() {
        for (String line : lines("/proc/cpuinfo")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    static String memory() {
        for (String line : lines("/proc/meminfo")) {
            if (line.startsWith("MemTotal:")) {
                return String.format(Locale.ROOT, "%d GiB",
                    Math.round(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024 / 1024));
            }
        }
        return "unknown";
    }

    private static java.util.List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return java.util.List.of();
        }
    }
}
