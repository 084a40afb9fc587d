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
 * The JDK's ahead-of-time cache (JEP 483/514, JDK 25+): the first start of an app build records what it loads
 * and links and writes a cache when it stops; later starts of the same build use it and start in about 60 % of
 * the time. Keyed by the packaged app's files, so a rebuilt app trains anew. Older JDKs run without it.
 */
final class AotCache {
    private AotCache() {
    }

    static List<String> options(Path quarkusApp, Path cacheDir, String module) {
        if (Runtime.version().feature() < 25) {
            return List.of();
        }
        try {
            Files.createDirectories(cacheDir);
            Path cache = cacheDir.resolve(module + "-" + fingerprint(quarkusApp) + ".aot");
            if (Files.exists(cache)) {
                return List.of("-XX:AOTCache=" + cache);
            }
            try (Stream<Path> stale = Files.list(cacheDir)) {
                stale.filter(p -> p.getFileName().toString().startsWith(module + "-")).forEach(p -> p.toFile().delete());
            }
            return List.of("-XX:AOTCacheOutput=" + cache);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache in " + cacheDir, e);
        }
    }

    /** Names, sizes and times of the app's files: changes whenever the app is rebuilt. */
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
