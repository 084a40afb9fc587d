package se.kasam.stack;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitTest {
    @TempDir
    Path dir;

    /** Before: the exit was swallowed as "not ready", and the wait ran out its (here ten-minute) timeout. */
    @Test
    void aProcessThatExitsWhileWaitedForIsReportedAtOnceWithItsExitCodeAndLog() throws Exception {
        ManagedProcess crashing = ManagedProcess.start("crasher",
                List.of("sh", "-c", "echo starting; echo 'Caused by: port taken'; exit 3"), dir, Map.of(), dir.resolve("crasher.log"));
        ManagedProcess.Exited exited = assertThrows(ManagedProcess.Exited.class, () -> Wait.until("crasher", Duration.ofMinutes(10), () -> {
            crashing.requireAlive();
            return false;
        }));
        assertTrue(exited.getMessage().contains("crasher exited with 3"), exited.getMessage());
        assertTrue(exited.getMessage().contains("Caused by: port taken"), exited.getMessage());
    }

    @Test
    void otherFailuresOfTheCheckMeanNotReadyYet() {
        int[] calls = {0};
        Wait.until("flaky", Duration.ofMinutes(10), () -> {
            if (++calls[0] < 3) {
                throw new IllegalStateException("connection refused");
            }
            return true;
        });
        assertTrue(calls[0] == 3);
    }

    @Test
    void theTailIsTheLastLines() throws Exception {
        Path log = dir.resolve("x.log");
        Files.write(log, List.of("1", "2", "3", "4"));
        assertTrue(ManagedProcess.tail(log, 2).equals("3\n4"));
    }
}
