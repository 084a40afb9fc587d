package se.kasam.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml lists every topic a service declares ({@code kasam.kafka.topics}, which TopicBootstrap creates)
 * and, on the topics a service publishes to, a message for each event schema it ships.
 */
class AsyncApiTest {
    static final Path ROOT = Path.of("../..");
    static final Path DOCS = ROOT.resolve("docs");
    static JsonNode asyncApi;
    /** Service folder name -> the topics its application.properties declares. */
    static Map<String, Set<String>> declared;

    @BeforeAll
    static void read() throws IOException {
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("asyncapi.yaml").toFile());
        declared = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.toList()) {
                Path config = module.resolve("src/main/resources/application.properties");
                if (Files.exists(config)) {
                    Properties props = new Properties();
                    try (Reader in = Files.newBufferedReader(config)) {
                        props.load(in);
                    }
                    Set<String> topics = new TreeSet<>();
                    for (String entry : props.getProperty("kasam.kafka.topics", "").split(",")) {
                        if (!entry.isBlank()) {
                            topics.add(entry.strip().split(":")[0]);
                        }
                    }
                    declared.put(module.getFileName().toString(), topics);
                }
            }
        }
        assertTrue(declared.keySet().containsAll(Set.of("participants-service", "sickleave-service",
                "workshops-service", "survey-service")), "services found: " + declared.keySet());
    }

    @Test
    void everyDeclaredTopicIsAChannel() {
        Set<String> channels = new TreeSet<>(channelsByAddress().keySet());
        declared.forEach((service, topics) -> topics.forEach(topic ->
                assertTrue(channels.contains(topic), service + " declares " + topic + ", missing from docs/asyncapi.yaml")));
    }

    @Test
    void everyEventAServiceShipsIsAMessageOnATopicItPublishesTo() throws IOException {
        Map<String, String> channels = channelsByAddress();
        Set<String> sentOn = new TreeSet<>();
        asyncApi.path("operations").forEach(op -> {
            if (op.path("action").asText().equals("send")) {
                sentOn.add(refName(op.path("channel")));
            }
        });
        for (Map.Entry<String, Set<String>> service : declared.entrySet()) {
            Path events = ROOT.resolve(service.getKey()).resolve(EventSchemas.EVENTS);
            if (!Files.isDirectory(events)) {
                continue;
            }
            try (Stream<Path> files = Files.list(events)) {
                for (Path schema : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                    String type = schema.getFileName().toString().replace(".schema.json", "");
                    List<String> carriers = new ArrayList<>();
                    channels.forEach((address, channel) -> {
                        JsonNode messages = asyncApi.path("channels").path(channel).path("messages");
                        messages.forEach(ref -> {
                            JsonNode message = asyncApi.path("components").path("messages").path(refName(ref));
                            if (message.path("name").asText().equals(type)) {
                                assertSameFile(schema, message.path("payload").path("$ref").asText());
                                assertSameFile(events.resolve(type + ".example.json"),
                                        message.path("examples").path(0).path("payload").path("$ref").asText());
                                carriers.add(address);
                                assertTrue(sentOn.contains(channel), "no send operation on " + address);
                            }
                        });
                    });
                    assertFalse(carriers.isEmpty(), type + " (" + service.getKey() + ") is no message in docs/asyncapi.yaml");
                    carriers.forEach(address -> assertTrue(service.getValue().contains(address),
                            type + " is documented on " + address + ", which " + service.getKey() + " does not declare"));
                }
            }
        }
    }

    /** Channel address -> channel id. */
    private static Map<String, String> channelsByAddress() {
        Map<String, String> byAddress = new TreeMap<>();
        asyncApi.path("channels").properties().forEach(c -> byAddress.put(c.getValue().path("address").asText(), c.getKey()));
        return byAddress;
    }

    /** The last segment of a local {@code $ref} such as {@code #/components/messages/employeeChanged}. */
    private static String refName(JsonNode ref) {
        String[] parts = ref.path("$ref").asText().split("/");
        return parts[parts.length - 1];
    }

    private static void assertSameFile(Path expected, String ref) {
        assertFalse(ref.isEmpty(), "no $ref to " + expected);
        Path target = DOCS.resolve(ref).normalize();
        assertTrue(Files.exists(target), ref + " does not exist");
        assertEquals(expected.normalize().toAbsolutePath(), target.toAbsolutePath(), "the $ref of " + expected.getFileName());
    }
}
