package se.kasam.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusalTest {
    @Test
    void aRecordKafkaRefusesIsRefusedForGoodWrappedOrNot() {
        assertTrue(KafkaRefusal.isPermanent(new RecordTooLargeException("too large")));
        assertTrue(KafkaRefusal.isPermanent(new CompletionException(new InvalidTopicException("bad name"))));
        assertTrue(KafkaRefusal.isPermanent(new KafkaException(new SerializationException("cannot"))));
    }

    @Test
    void whatARetryOrOpsCanCureIsNot() {
        assertFalse(KafkaRefusal.isPermanent(new TimeoutException("topic not present in metadata")));
        assertFalse(KafkaRefusal.isPermanent(new CompletionException(new NetworkException("broker gone"))));
        // refuses every event alike: the events wait until the ACLs are fixed
        assertFalse(KafkaRefusal.isPermanent(new TopicAuthorizationException("denied")));
        assertFalse(KafkaRefusal.isPermanent(new IllegalStateException("anything else")));
    }
}
