package se.kasam.deploy.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
    @TempDir
    Path logs;

    @Test
    void aFailedStartQuotesTheFirstErrorEachServiceLogged() throws Exception {
        Files.writeString(logs.resolve("a.log"), """
                {"level":"INFO","message":"started"}
                {"level":"ERROR","message":"duplicate key"}
                {"level":"ERROR","message":"later"}
                """);
        Files.writeString(logs.resolve("b.log"), "{\"level\":\"INFO\",\"message\":\"fine\"}\n");
        assertEquals("\nthe logs are in " + logs + "\na: {\"level\":\"ERROR\",\"message\":\"duplicate key\"}"
                + "\nc: log not readable (" + logs.resolve("c.log") + ")",
                LocalStack.firstErrors(logs, List.of("a", "b", "c")));
    }
}
