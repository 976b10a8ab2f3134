package org.smartcamp.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.broker.BrokerUser;
import org.smartcamp.deploy.broker.MosquittoPasswordFile;
import org.smartcamp.deploy.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code smartcamp broker-users}: adds gateways (and the ingest's user) to the Mosquitto password file of
 * deploy/mosquitto, each with a new random password printed once for provisioning.
 */
@Command(name = "broker-users", description = "Add users to a Mosquitto password file for deploy/mosquitto: one per "
    + "gateway (named mission/camp/gateway, which the ACL limits to its own telemetry topic) and the ingest's. "
    + "Prints each new user's password once (user:password), for provisioning the gateway.")
final class BrokerUsersCommand implements Callable<Integer> {
    private static final int PASSWORD_LENGTH = 24;

    @Parameters(paramLabel = "GATEWAY", arity = "0..*",
        description = "Gateways as mission/camp/gateway, e.g. unmiss/juba1/gw-1.")
    List<String> gateways = new ArrayList<>();

    @Option(names = "--ingest-user", paramLabel = "NAME",
        description = "Also add the ingest's user (the ACL names it smartcamp-ingest).")
    String ingestUser;

    @Option(names = "--passwd", paramLabel = "FILE", required = true,
        description = "The password file to create or update (other users in it are kept).")
    Path passwd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (String g : gateways) {
                names.add(BrokerUser.gatewayUserName(g));
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        if (ingestUser != null) {
            names.add(ingestUser);
        }
        if (names.isEmpty()) {
            throw new ConfigException("name at least one gateway (mission/camp/gateway) or --ingest-user");
        }
        MosquittoPasswordFile file = new MosquittoPasswordFile(new SecureRandom())
            .load(Files.exists(passwd) ? Files.readAllLines(passwd) : List.of());
        PrintWriter out = spec.commandLine().getOut();
        for (String name : names) {
            BrokerUser user = new BrokerUser(name, file.newPassword(PASSWORD_LENGTH));
            file.put(user);
            out.println(user.name() + ":" + user.password());
        }
        write(file.text());
        return 0;
    }

    private void write(String text) throws IOException {
        if (!Files.exists(passwd)) {
            Files.createFile(passwd);
            try {
                Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the operator protects the file
            }
        }
        Files.writeString(passwd, text);
    }
}
