package se.kasam.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import io.vertx.core.Vertx;
import se.kasam.stack.Ports;

/**
 * Two stand-in services over real HTTP that echo what reached them, so a test sees what the gateway forwarded;
 * a third route points at a port where nothing listens. Their documents describe the echo ({"service": name}), since
 * every response a test receives is validated against the merged document. (The system tests route to the real services.)
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {
    public static final ConcurrentLinkedQueue<Map<String, String>> RECEIVED = new ConcurrentLinkedQueue<>();
    private HttpServer participants;
    private HttpServer sickleave;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        participants = echo("participants", "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/participants/employees\":{\"get\":{\"tags\":[\"Employees\"],"
                + "\"operationId\":\"listEmployees\",\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/EmployeeView\"}}}}}}},"
                + "\"/api/participants/units\":{\"get\":{\"operationId\":\"listUnits\",\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/EmployeeView\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"EmployeeView\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"service\":{\"type\":\"string\"}}},"
                + "\"Problem\":{\"type\":\"object\"}}},\"tags\":[{\"name\":\"Employees\"}]}");
        sickleave = echo("sickleave", "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/sickleave/employees/{n}\":{\"get\":{"
                + "\"operationId\":\"getSickLeaveEmployee\",\"parameters\":[{\"name\":\"n\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"string\"}}],\"responses\":{\"200\":{\"description\":\"OK\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/EmployeeView\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"EmployeeView\":{\"type\":\"object\",\"properties\":{\"unitCode\":{\"type\":\"string\"},\"service\":{\"type\":\"string\"}}},"
                + "\"Problem\":{\"type\":\"object\"}}}}");
        vertx = Vertx.vertx();
        return Map.of(
                "kasam.gateway.routes.participants", "http://127.0.0.1:" + participants.getAddress().getPort(),
                "kasam.gateway.routes.sickleave", "http://127.0.0.1:" + sickleave.getAddress().getPort(),
                "kasam.gateway.routes.workshops", "http://127.0.0.1:" + Ports.freePort(),
                "kasam.gateway.routes.evaluation", "http://127.0.0.1:" + Ports.freePort(),
                "kasam.gateway.routes.surveys", "http://127.0.0.1:" + earlyAnswering(vertx));
    }

    private static HttpServer echo(String name, String openApi) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body;
                if (path.equals("/q/openapi")) {
                    body = openApi;
                } else if (path.equals("/q/health/ready")) {
                    body = "{\"status\":\"UP\"}";
                } else {
                    Map<String, String> seen = new TreeMap<>();
                    exchange.getRequestHeaders().forEach((k, v) -> seen.put(k.toLowerCase(), v.get(0)));
                    seen.put(":service", name);
                    seen.put(":path", exchange.getRequestURI().toString());
                    seen.put(":method", exchange.getRequestMethod());
                    seen.put(":body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    RECEIVED.add(seen);
                    body = "{\"service\":\"" + name + "\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                // as the services answer (platform-web): the gateway's own must not make it twice
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers as a Quarkus service does, on Vert.x: {@code /api/surveys/early} refuses at once from the headers (a
     * 415 or 403) without reading the body; any other path reads the whole body and answers 200 with its size.
     */
    private static int earlyAnswering(Vertx vertx) {
        try {
            return vertx.createHttpServer().requestHandler(request -> {
                if (request.path().endsWith("/early")) {
                    request.response().setStatusCode(415).putHeader("Content-Type", "application/json").end("{\"refused\":true}");
                } else if (request.path().equals("/q/openapi")) {
                    request.response().putHeader("Content-Type", "application/json").end("{\"openapi\":\"3.1.0\",\"paths\":{}}");
                } else {
                    request.body().onSuccess(body -> request.response().putHeader("Content-Type", "application/json")
                            .end("{\"read\":" + body.length() + "}"));
                }
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get().actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        vertx.close();
        participants.stop(0);
        sickleave.stop(0);
    }
}
