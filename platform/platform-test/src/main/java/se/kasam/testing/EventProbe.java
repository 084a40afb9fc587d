package se.kasam.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the real broker of {@link RealStackTestResource} from a test, as another service would. */
public final class EventProbe {
    private EventProbe() {
    }

    /**
     * All records of the topic from its start that match, waiting until at least {@code count} have come.
     * @throws AssertionError when fewer came within the timeout, so a test cannot pass without its events
     */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                             int count, Duration timeout) {
        return awaitUntil(topic, match, found -> found.size() >= count, timeout,
                "at least " + count + " matching records");
    }

    /**
     * The matching records from the topic's start up to the moment {@code done} holds for them. To show that nothing
     * more was published, a test publishes a last change of its own on the same key (a sentinel) and waits for
     * it: a key's events keep their order, so whatever else was published for that key came before the sentinel.
     * @throws AssertionError when {@code done} does not hold within the timeout
     */
    public static List<ConsumerRecord<String, String>> awaitUntil(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                                  Predicate<List<ConsumerRecord<String, String>>> done,
                                                                  Duration timeout, String what) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStackTestResource.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(found)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("waited " + timeout.toSeconds() + " s on " + topic + " for " + what
                            + "; found " + found.size() + ": " + found.stream().map(r -> r.key()).toList());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    /** Sends a binary-mode CloudEvent, or any record when {@code type} is null (to test poison messages). */
    public static void send(String topic, String key, String id, String type, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStackTestResource.kafka().bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            if (type != null) {
                record.headers().add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_id", id.getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_source", "/test".getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_subject", key.getBytes(StandardCharsets.UTF_8)));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test event: " + e.getMessage(), e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
