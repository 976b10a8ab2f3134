package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * SmartCamp's replacement for the Eclipse Paho MQTT v5 client's (1.2.5) class of this name, with the same public
 * API: an input stream that counts the bytes read through it. Paho's own overrides only {@code read()}, so every
 * bulk read through it (each PUBLISH payload is read twice, from an in-memory copy of the packet) fell back to
 * {@link InputStream#read(byte[], int, int)}'s loop of one synchronised single-byte read per byte: a quarter of the
 * ingest's CPU at full rate. This one reads in bulk and counts the same bytes. It takes precedence over Paho's
 * because the ingest's classes come first on its classpath, and the shaded jar leaves Paho's copy out (deploy's
 * pom.xml); {@code CountingInputStreamTest} checks that this is the class Paho uses. Remove it when a Paho release
 * reads in bulk.
 */
public class CountingInputStream extends InputStream {
    private final InputStream inputStream;
    private int counter;

    /** Counts what is read from {@code inputStream}. */
    public CountingInputStream(InputStream inputStream) {
        this.inputStream = inputStream;
        this.counter = 0;
    }

    @Override
    public int read() throws IOException {
        int i = inputStream.read();
        if (i != -1) {
            counter++;
        }
        return i;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = inputStream.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    /** Bytes read so far (since the last {@link #resetCounter()}). */
    public int getCounter() {
        return counter;
    }

    /** Starts counting from zero again. */
    public void resetCounter() {
        counter = 0;
    }
}
