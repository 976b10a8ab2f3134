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

    /** The files a configuration reads: password and ACL files, CA, certificate and key. */
    static Set<String> files(Path conf) throws IOException {
        Set<String> files = new LinkedHashSet<>();
        for (String line : Files.readAllLines(conf)) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 2 && Set.of("password_file", "acl_file", "cafile", "certfile", "keyfile")
                .contains(words[0])) {
                files.add(words[1]);
            }
        }
        return files;
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
