package org.tehai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the tests that start the application as a process of its own (or a fake gateway beside it) share. */
public final class Processes {

    private Processes() {
    }

    /** A port nobody listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of a log, saying how many came before. */
    public static String tail(String text, int lines) {
        String[] all = text.split("\n");
        int from = Math.max(0, all.length - lines);
        return (from > 0 ? "... (" + from + " earlier lines)\n" : "")
                + String.join("\n", Arrays.copyOfRange(all, from, all.length));
    }

    /** Seconds since {@code sinceNanos} of {@link System#nanoTime()}. */
    public static double secondsSince(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** Deletes a directory and everything in it; nothing when it is not there. */
    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
