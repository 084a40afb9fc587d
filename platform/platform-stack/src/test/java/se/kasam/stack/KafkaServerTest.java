package se.kasam.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KafkaServerTest {
    /** 0xF8 in the first byte encodes to '-' (62) in URL-safe base64: the storage tool would read it as an option. */
    static final UUID DASHED = new UUID(0xF800_0000_0000_0000L, 1);
    static final UUID PLAIN = new UUID(0x0123_4567_89AB_CDEFL, 0x0123_4567_89AB_CDEFL);

    @Test
    void anIdThatWouldStartWithADashIsDrawnAgain() {
        ArrayDeque<UUID> drawn = new ArrayDeque<>(List.of(DASHED, DASHED, PLAIN));
        String id = KafkaServer.clusterId(drawn::removeFirst);
        assertEquals("ASNFZ4mrze8BI0VniavN7w", id, "the first id that does not start with '-'");
        assertTrue(drawn.isEmpty(), "both dashed ids were refused");
    }

    @Test
    void idsAreKafkaShaped() {
        String id = KafkaServer.clusterId();
        assertEquals(22, id.length());
        assertTrue(id.matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}"), id);
    }
}
