package se.kasam.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JDK's ahead-of-time cache (JEP 483/514, JDK 25+): an app started with the cache of its build starts in
 * about 60 % of the time. The cache is recorded by a short training run (start, ready, stop): a long run loads
 * more classes than the JDK's size estimate allows for and fails to write it. Keyed by the packaged app's files,
 * so a rebuilt app is trained anew. Older JDKs run without it.
 */
final class AotCache {
    private final Path dir;

    AotCache(Path dir) {
        this.dir = dir;
    }

    static boolean supported() {
        return Runtime.version().feature() >= 25;
    }

    /** JVM options that use the app's cache, if it has one. */
    List<String> use(Path quarkusApp, String module) {
        Path cache = file(quarkusApp, module);
        return supported() && Files.exists(cache) ? List.of("-XX:AOTCache=" + cache) : List.of();
    }

    boolean missing(Path quarkusApp, String module) {
        return supported() && !Files.exists(file(quarkusApp, module));
    }

    /** JVM options for a training run that writes the app's cache when it stops. */
    List<String> record(Path quarkusApp, String module) {
        try (Stream<Path> stale = Files.list(dir)) {
            stale.filter(p -> p.getFileName().toString().startsWith(module + "-")).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:AOTCacheOutput=" + file(quarkusApp, module));
    }

    private Path file(Path quarkusApp, String module) {
        try {
            Files.createDirectories(dir);
            return dir.resolve(module + "-" + fingerprint(quarkusApp) + ".aot");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache in " + dir, e);
        }
    }

    /** Names, sizes and times of the app's files, and the JDK: changes whenever the app is rebuilt. */
    private static String fingerprint(Path quarkusApp) throws IOException {
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jsa")).sorted().toList()) {
                String entry = quarkusApp.relativize(file) + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            digest.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
