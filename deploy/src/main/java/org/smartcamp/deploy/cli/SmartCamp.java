package org.smartcamp.deploy.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.smartcamp.analytics.alarm.delivery.DeliveryConfigException;
import org.smartcamp.analytics.power.SettingsException;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.ingest.inventory.InventoryException;
import org.smartcamp.ingest.mqtt.BrokerUnavailableException;
import org.smartcamp.platform.PortInUseException;
import org.smartcamp.ingest.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smartcamp} command: one launcher for every SmartCamp process and task. */
@Command(name = "smartcamp", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    versionProvider = SmartCamp.Version.class,
    description = "Telemetry backend for field camps: ingest, analytics, API, simulator.",
    subcommands = {MigrateCommand.class, IngestCommand.class, AnalyticsCommand.class, ApiCommand.class,
        ApiKeyCommand.class, InventoryCommand.class,
        BackupCommand.class, RestoreCommand.class,
        SimulateCommand.class, ReplayCommand.class, BenchCommand.class, ConfigCommand.class, BrokerUsersCommand.class,
        EdgeCommand.class,
        DemoCommand.class, AccuracyCommand.class, DeliveriesCommand.class, ReportCommand.class})
public final class SmartCamp implements Callable<Integer> {
    /** Exit code of a runtime failure: database or broker unreachable, a port in use, a bad input file. */
    static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;
    /**
     * Exit code of a usage error: an unknown command or option, a bad option value, or a configuration (file or
     * {@code SMARTCAMP_*} variable) that names an unknown key or holds a bad value. Nothing was started.
     */
    static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SmartCamp());
        cli.setExecutionStrategy(SmartCamp::executeUnlessUnmatched);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("smartcamp: error: " + message(e));
            if (System.getenv("SMARTCAMP_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return e instanceof ConfigException ? EXIT_USAGE : EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    /**
     * Picocli answers a help option even after arguments it could not match ({@code smartcamp reprot --help} would
     * print the top-level help and succeed); an unknown command is a usage error whatever follows it.
     */
    private static int executeUnlessUnmatched(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (!r.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(r.commandSpec().commandLine(), r.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** One line that says what is wrong, without a stack trace. */
    static String message(Throwable e) {
        if (e instanceof ConfigException || e instanceof StoreException || e instanceof BrokerUnavailableException
            || e instanceof InventoryException || e instanceof CommandException || e instanceof PortInUseException
            || e instanceof SettingsException || e instanceof DeliveryConfigException) {
            return e.getMessage();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text + " (set SMARTCAMP_DEBUG=1 for details)";
    }

    /** The project version and the git commit it was built from, written into the jar's manifest by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {describe(SmartCamp.class.getPackage().getImplementationVersion(),
                manifestAttribute("SCM-Revision"))};
        }

        static String describe(String version, String commit) {
            if (version == null) {
                return "smartcamp development build (not run from the packaged jar)";
            }
            boolean known = commit != null && !commit.isBlank() && !"unknown".equals(commit);
            return "smartcamp " + version + (known ? " (commit " + commit + ")" : " (commit unknown: built outside a"
                + " git checkout)");
        }

        /** An attribute of the manifest of the jar this class was loaded from, or null. */
        private static String manifestAttribute(String name) {
            URL source = SmartCamp.class.getProtectionDomain().getCodeSource().getLocation();
            if (source == null || !source.getPath().endsWith(".jar")) {
                return null;
            }
            try (JarFile jar = new JarFile(new File(source.toURI()))) {
                Manifest manifest = jar.getManifest();
                return manifest == null ? null : manifest.getMainAttributes().getValue(name);
            } catch (IOException | URISyntaxException e) {
                return null;
            }
        }
    }
}
