package org.smartcamp.deploy.descriptors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** The parts of a Mosquitto configuration the other descriptors must agree with. */
final class Mosquitto {
    private Mosquitto() {
    }

    /** The ports of the {@code listener} lines. */
    static Set<Integer> listeners(Path conf) throws IOException {
        Set<Integer> ports = new LinkedHashSet<>();
        for (String line : Files.readAllLines(conf)) {
            if (line.startsWith("listener ")) {
                ports.add(Integer.parseInt(line.split("\\s+")[1]));
            }
        }
        return ports;
    }

    /** The users named by {@code user} lines of an ACL file. */
    static Set<String> aclUsers(Path acl) {
        Set<String> users = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(acl)) {
                if (line.startsWith("user ")) {
                    users.add(line.substring("user ".length()).trim());
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return users;
    }
}
