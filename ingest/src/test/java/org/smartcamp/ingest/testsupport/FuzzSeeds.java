package org.smartcamp.ingest.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The committed inputs of a Jazzer fuzz target, where jazzer-junit looks for them: {@code <Class>Inputs/<method>/}. */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    /**
     * The bytes of one input of {@code testClass}'s fuzz target {@code method}.
     *
     * @throws IllegalArgumentException when there is no such input
     */
    public static byte[] read(Class<?> testClass, String method, String name) {
        String path = testClass.getSimpleName() + "Inputs/" + method + "/" + name;
        try (InputStream in = testClass.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fuzz input " + path + " beside " + testClass.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
