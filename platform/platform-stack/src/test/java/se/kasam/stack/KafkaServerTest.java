package se.kasam.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.RepeatedTest;

class KafkaServerTest {
    /** One id in 64 would start with '-' if drawn naively, and the storage tool would read it as an option. */
    @RepeatedTest(500)
    void clusterIdsAreKafkaShapedAndNeverLookLikeAnOption() {
        String id = KafkaServer.clusterId();
        assertEquals(22, id.length());
        assertFalse(id.startsWith("-"));
    }
}
