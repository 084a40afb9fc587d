package se.kasam.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code deploy/local/backup} and {@code deploy/local/restore}: every database of a stopped stack, copied whole. The
 * PostgreSQL cluster holds the four services' databases (one consistent moment for all four, which a dump per
 * database would not give), Keycloak keeps its realm, users and signing keys in its own file database, and the
 * survey's pseudonym key lives beside them (without it a restored survey could not pair a new round with the old).
 * Kafka is not kept: every service's state is in its own database, and its outbox holds what is not yet sent.
 * The stack must be stopped: PostgreSQL's and Keycloak's files are only consistent at rest.
 */
public final class Backups {
    /** What a backup holds, relative to the data directory. */
    static final List<String> PARTS = List.of("postgres", "keycloak/data", "secrets");
    static final String MANIFEST = "kasam-backup.txt";

    private Backups() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 3 && args[0].equals("backup")) {
                backup(Path.of(args[1]), Path.of(args[2]));
                System.out.println("kasam: backed up " + args[1] + " to " + args[2]);
            } else if (args.length == 3 && args[0].equals("restore")) {
                restore(Path.of(args[1]), Path.of(args[2]));
                System.out.println("kasam: restored " + args[1] + " into " + args[2] + "; start it with deploy/local/start --data " + args[2]);
            } else {
                System.err.println("usage: deploy/local/backup <folder> [--data <dir>]   deploy/local/restore <folder> [--data <dir>]");
                System.exit(2);
            }
        } catch (IllegalStateException e) {
            System.err.println("kasam: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Copies the stopped stack's databases from {@code dataDir} to the new or empty folder {@code target}. */
    public static void backup(Path dataDir, Path target) {
        requireStopped(dataDir);
        requireEmpty(target);
        for (String part : PARTS) {
            Path from = dataDir.resolve(part);
            if (!Files.isDirectory(from)) {
                throw new IllegalStateException("no " + part + " in " + dataDir + ": not a Kasam data directory");
            }
            copy(from, target.resolve(part));
        }
        write(target.resolve(MANIFEST), "Kasam backup of " + dataDir.toAbsolutePath() + "\ntaken " + Instant.now()
                + "\nparts " + String.join(", ", PARTS) + "\n");
    }

    /** Copies a backup into the new or empty data directory {@code dataDir}, ready for {@code start --data}. */
    public static void restore(Path backup, Path dataDir) {
        if (!Files.isRegularFile(backup.resolve(MANIFEST))) {
            throw new IllegalStateException(backup + " is not a Kasam backup (no " + MANIFEST + ")");
        }
        requireEmpty(dataDir);
        for (String part : PARTS) {
            copy(backup.resolve(part), dataDir.resolve(part));
        }
    }

    private static void requireStopped(Path dataDir) {
        if (Files.exists(dataDir.resolve("postgres/postmaster.pid"))) {
            throw new IllegalStateException("PostgreSQL is running on " + dataDir + ": stop the stack first (Ctrl-C)");
        }
        try (Stream<Path> files = Files.exists(dataDir.resolve("keycloak/data"))
                ? Files.walk(dataDir.resolve("keycloak/data")) : Stream.empty()) {
            if (files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).anyMatch(Backups::lockedByAnother)) {
                throw new IllegalStateException("Keycloak is running on " + dataDir + ": stop the stack first (Ctrl-C)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's file database holds an OS lock on its file while it is open. */
    private static boolean lockedByAnother(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireEmpty(Path dir) {
        try (Stream<Path> entries = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(dir + " is not empty: name a new folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path copy = Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    // PostgreSQL starts only on a data directory no one else may read (0700)
                    Files.setPosixFilePermissions(copy, Files.getPosixFilePermissions(dir));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
