package se.kasam.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed binary-mode CloudEvent: the ce_ headers and the JSON data of one Kafka record. */
public record IncomingEvent(String id, String type, String source, String subject, String time, JsonNode data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("not a CloudEvent: ce_id or ce_type header missing");
        }
        try {
            JsonNode data = record.value() == null ? null : json.readTree(record.value());
            return new IncomingEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"),
                    header(record, "ce_time"), data);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + id + " has unreadable JSON data", e);
        }
    }

    public <T> T dataAs(Class<T> type, ObjectMapper json) {
        try {
            return json.treeToValue(data, type);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + id + " data is not a " + type.getSimpleName(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
