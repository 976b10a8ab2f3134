package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.ingest.mqtt.BrokerUnavailableException;
import org.smartcamp.ingest.inventory.InventoryException;
import org.smartcamp.ingest.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smartcamp} command: one launcher for every SmartCamp process and task. */
@Command(name = "smartcamp", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    versionProvider = SmartCamp.Version.class,
    description = "Telemetry backend for field camps: ingest, analytics, API, simulator.",
    subcommands = {MigrateCommand.class, IngestCommand.class, AnalyticsCommand.class, ApiCommand.class,
        ApiKeyCommand.class, InventoryCommand.class,
        SimulateCommand.class, ReplayCommand.class, BenchCommand.class, ConfigCommand.class, BrokerUsersCommand.class,
        DemoCommand.class, AccuracyCommand.class, DeliveriesCommand.class})
public final class SmartCamp implements Callable<Integer> {
    /** Exit code for a configuration, database or broker problem (one clear line on stderr). */
    static final int EXIT_FAILURE = 2;

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
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("smartcamp: error: " + message(e));
            if (System.getenv("SMARTCAMP_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    /** One line that says what is wrong, without a stack trace. */
    static String message(Throwable e) {
        if (e instanceof ConfigException || e instanceof StoreException || e instanceof BrokerUnavailableException
            || e instanceof InventoryException || e instanceof CommandException) {
            return e.getMessage();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text + " (set SMARTCAMP_DEBUG=1 for details)";
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SmartCamp.class.getPackage().getImplementationVersion();
            return new String[] {"smartcamp " + (v == null ? "development build" : v)};
        }
    }
}
