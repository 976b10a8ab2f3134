package org.smartcamp.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.smartcamp.deploy.testsupport.ProjectFiles;

/** deploy/mosquitto/mosquitto.conf as shipped, adapted to run in a test: free ports, temporary files. */
final class ShippedBrokerConfig {
    private ShippedBrokerConfig() {
    }

    static Path dir() {
        return ProjectFiles.root().resolve("deploy/mosquitto");
    }

    /** The shipped configuration with only its ports and paths changed (each must be there to be changed). */
    static String adapt(Path workDir, int gatewayPort, int internalPort) throws IOException {
        String conf = Files.readString(dir().resolve("mosquitto.conf"));
        conf = replace(conf, "\nlistener 1883\n", "\nlistener " + gatewayPort + " 127.0.0.1\n");
        conf = replace(conf, "\nlistener 1884\n", "\nlistener " + internalPort + " 127.0.0.1\n");
        conf = replace(conf, "/mosquitto/config/", workDir + "/");
        // Mosquitto started as root drops to the mosquitto user, which must read the files and write the data.
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(workDir.resolve("data"));
        Files.setPosixFilePermissions(workDir.resolve("data"), PosixFilePermissions.fromString("rwxrwxrwx"));
        return replace(conf, "/mosquitto/data/", workDir.resolve("data") + "/");
    }

    private static String replace(String text, String what, String with) {
        assertThat(text).as("shipped mosquitto.conf").contains(what);
        return text.replace(what, with);
    }
}
