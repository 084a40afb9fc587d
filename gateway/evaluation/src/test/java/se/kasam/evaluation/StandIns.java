package se.kasam.evaluation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stand-ins for workshops-, survey- and sickleave-service over real HTTP, answering as the services do (shapes from
 * their documents), with figures small enough to check by hand. Each can be made slow, failing or stopped.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {
    public enum Mode { NORMAL, SLOW, FAILING }

    static final Map<String, Mode> MODES = new ConcurrentHashMap<>();
    /** The Authorization header and path of every call that reached a stand-in. */
    static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();
    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    private static final Map<String, Integer> PORTS = new ConcurrentHashMap<>();
    /** Set by a test to change what sickleave-service says of the women's 'after' figure. */
    static volatile boolean womenSuppressed;

    @Override
    public Map<String, String> start() {
        for (String service : new String[] {"workshops", "surveys", "sickleave"}) {
            startService(service, 0);
        }
        return Map.of(
                "quarkus.rest-client.workshops.url", "http://127.0.0.1:" + PORTS.get("workshops"),
                "quarkus.rest-client.surveys.url", "http://127.0.0.1:" + PORTS.get("surveys"),
                "quarkus.rest-client.sickleave.url", "http://127.0.0.1:" + PORTS.get("sickleave"));
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(s -> s.stop(0));
    }

    static void reset() {
        MODES.clear();
        CALLS.clear();
        womenSuppressed = false;
        PORTS.keySet().forEach(service -> {
            if (!SERVERS.containsKey(service)) {
                startService(service, PORTS.get(service));
            }
        });
    }

    /** Nothing listens on the service's port until {@link #reset()}: connections are refused. */
    static void down(String service) {
        HttpServer server = SERVERS.remove(service);
        if (server != null) {
            server.stop(0);
        }
    }

    private static void startService(String service, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", exchange -> answer(service, exchange));
            server.start();
            SERVERS.put(service, server);
            PORTS.put(service, server.getAddress().getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        CALLS.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + path + "?" + query);
        Mode mode = MODES.getOrDefault(service, Mode.NORMAL);
        if (mode == Mode.SLOW) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (mode == Mode.FAILING) {
            send(exchange, 503, "application/problem+json", "{\"status\":503,\"title\":\"Service unavailable\"}");
            return;
        }
        if (query.contains("unit=NOPE")) {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\",\"detail\":\"unit NOPE\"}");
            return;
        }
        String body = switch (path) {
            case "/api/workshops/progress" -> PROGRESS;
            case "/api/workshops/participation" -> PARTICIPATION;
            case "/api/surveys/rounds" -> ROUNDS;
            case "/api/surveys/rounds/11111111-1111-1111-1111-111111111111/response-rates" -> rates(1301, 1053);
            case "/api/surveys/rounds/22222222-2222-2222-2222-222222222222/response-rates" -> rates(1290, 982);
            case "/api/surveys/comparison" -> COMPARISON;
            case "/api/sickleave/statistics/programme" -> programme();
            case "/api/sickleave/statistics/monthly" -> MONTHLY;
            default -> null;
        };
        if (body == null) {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not found\"}");
        } else {
            send(exchange, 200, "application/json", body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String group(String group, int staff, int... done) {
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < done.length; k++) {
            d.append(k == 0 ? "" : ",").append("{\"modulesDone\":").append(k).append(",\"employees\":").append(done[k])
                    .append(",\"share\":").append(Math.round(10000.0 * done[k] / staff) / 10000.0).append('}');
        }
        return "{\"group\":\"" + group + "\",\"staff\":" + staff + ",\"done\":[" + d + "]}";
    }

    // 200 staff: 150 women (120 through all three), 50 men (30 through); unit B is hidden as too small
    static final String PROGRESS = "{\"unit\":null,\"on\":\"2021-10-31\",\"modules\":[\"GOD-ARBETSMILJO\",\"HALSA-ORK\","
            + "\"ARBETSPLATSER-SOM-LYCKAS\"],\"groups\":[" + group("ALL", 200, 10, 20, 20, 150) + ","
            + group("FEMALE", 150, 5, 10, 15, 120) + "," + group("MALE", 50, 5, 10, 5, 30) + "],\"children\":["
            + "{\"unit\":\"A\",\"groups\":[" + group("ALL", 196, 8, 20, 20, 148) + "," + group("FEMALE", 148, 4, 10, 15, 119) + ","
            + group("MALE", 48, 4, 10, 5, 29) + "]},{\"unit\":\"B\",\"groups\":[{\"group\":\"ALL\",\"reason\":\"GROUP_TOO_SMALL\"},"
            + "{\"group\":\"FEMALE\",\"reason\":\"GROUP_TOO_SMALL\"},{\"group\":\"MALE\",\"reason\":\"GROUP_TOO_SMALL\"}]}]}";

    static final String PARTICIPATION = "{\"unit\":null,\"from\":\"2019-08\",\"to\":\"2021-10\",\"hours\":["
            + "{\"group\":\"ALL\",\"participants\":190,\"hours\":1900.50,\"coFinancingSek\":475125.00},"
            + "{\"group\":\"FEMALE\",\"participants\":145,\"hours\":1500.00,\"coFinancingSek\":375000.00},"
            + "{\"group\":\"MALE\",\"participants\":45,\"hours\":400.50,\"coFinancingSek\":100125.00}],"
            + "\"trioGroups\":{\"formed\":60,\"meeting\":48,\"meetings\":130}}";

    static final String ROUNDS = "{\"items\":["
            + "{\"id\":\"33333333-3333-3333-3333-333333333333\",\"name\":\"Pulse 2022\",\"status\":\"OPEN\",\"invited\":1200},"
            + "{\"id\":\"22222222-2222-2222-2222-222222222222\",\"name\":\"Uppföljning 2021\",\"status\":\"CLOSED\","
            + "\"closedAt\":\"2021-11-30T23:00:00Z\",\"invited\":1290,\"respondents\":982},"
            + "{\"id\":\"11111111-1111-1111-1111-111111111111\",\"name\":\"Baslinje 2019\",\"status\":\"CLOSED\","
            + "\"closedAt\":\"2019-09-30T22:00:00Z\",\"invited\":1301,\"respondents\":1053}],"
            + "\"page\":0,\"size\":100,\"totalItems\":3,\"totalPages\":1}";

    private static String rates(int invited, int answered) {
        return "{\"roundId\":null,\"unit\":null,\"minRespondents\":5,\"rows\":[{\"unit\":null,\"kind\":\"EVERYONE\",\"invited\":"
                + invited + ",\"answered\":" + answered + ",\"rate\":" + Math.round(10000.0 * answered / invited) / 10000.0 + "}]}";
    }

    private static String paired(int n, double diff, double low, double high) {
        return "{\"n\":" + n + ",\"meanDifference\":" + diff + ",\"sdDifference\":1.0,\"ciLow\":" + low + ",\"ciHigh\":" + high
                + ",\"t\":5.0,\"df\":" + (n - 1) + ",\"pValue\":0.0001,\"dz\":0.35,\"gz\":0.35,\"dav\":0.2,\"gav\":0.2}";
    }

    private static String unpaired(double before, double after) {
        return "{\"baselineN\":100,\"baselineMean\":" + before + ",\"followUpN\":90,\"followUpMean\":" + after
                + ",\"meanDifference\":" + (after - before) + "}";
    }

    static final String COMPARISON = "{\"baselineId\":\"11111111-1111-1111-1111-111111111111\",\"followUpId\":"
            + "\"22222222-2222-2222-2222-222222222222\",\"minRespondents\":5,\"instruments\":["
            + "{\"code\":\"SOC-13\",\"measures\":[{\"measure\":\"TOTAL\",\"min\":13,\"max\":91,\"index\":false,\"groups\":["
            + "{\"group\":\"ALL\",\"paired\":" + paired(781, 2.97, 2.5, 3.44) + ",\"unpaired\":" + unpaired(62.1, 65.0) + "},"
            + "{\"group\":\"FEMALE\",\"paired\":" + paired(592, 3.53, 2.9, 4.16) + ",\"unpaired\":" + unpaired(61.5, 65.1) + "},"
            + "{\"group\":\"MALE\",\"pairedReason\":\"COMPLEMENTARY\",\"unpaired\":" + unpaired(63.9, 64.8) + "}]}]},"
            + "{\"code\":\"HME\",\"measures\":[{\"measure\":\"TOTAL\",\"min\":1,\"max\":5,\"index\":true,\"groups\":["
            + "{\"group\":\"ALL\",\"paired\":{\"n\":770,\"meanDifference\":0.16,\"indexChange\":4.0,\"ciLow\":0.1,\"ciHigh\":0.22,"
            + "\"pValue\":0.0002,\"dz\":0.3,\"gav\":0.25},\"unpaired\":" + unpaired(3.6, 3.76) + "}]}]}]}";

    private static String figures(double total, double women, double men, boolean hideWomen) {
        return "[{\"key\":\"TOTAL\",\"employees\":200,\"percent\":" + total + "},"
                + "{\"key\":\"LONG_TERM_SHARE\",\"employees\":200,\"percent\":41.2},"
                + (hideWomen ? "{\"key\":\"WOMEN\",\"employees\":150,\"suppressed\":\"COMPLEMENTARY\"},"
                : "{\"key\":\"WOMEN\",\"employees\":150,\"percent\":" + women + "},")
                + "{\"key\":\"MEN\",\"employees\":50,\"percent\":" + men + "},"
                + "{\"key\":\"AGE_29_OR_YOUNGER\",\"employees\":8,\"suppressed\":\"GROUP_TOO_SMALL\"},"
                + "{\"key\":\"AGE_30_TO_49\",\"employees\":100,\"percent\":6.0},"
                + "{\"key\":\"AGE_50_OR_OLDER\",\"employees\":92,\"percent\":7.5}]";
    }

    private static String programme() {
        return "{\"unit\":null,\"periods\":["
                + "{\"name\":\"before\",\"from\":\"2018-01\",\"to\":\"2019-07\",\"employees\":200,\"figures\":" + figures(7.2, 8.1, 4.5, false) + "},"
                + "{\"name\":\"during\",\"from\":\"2019-08\",\"to\":\"2021-10\",\"employees\":200,\"figures\":" + figures(6.8, 7.5, 4.6, false) + "},"
                + "{\"name\":\"after\",\"from\":\"2021-11\",\"to\":\"2023-10\",\"employees\":200,\"figures\":" + figures(6.1, 6.6, 4.4, womenSuppressed) + "}],"
                + "\"changes\":[{\"period\":\"during\",\"comparedWith\":\"before\",\"figure\":\"TOTAL\",\"percentagePoints\":-0.4},"
                + "{\"period\":\"after\",\"comparedWith\":\"before\",\"figure\":\"TOTAL\",\"percentagePoints\":-1.1},"
                + "{\"period\":\"after\",\"comparedWith\":\"before\",\"figure\":\"WOMEN\",\"percentagePoints\":"
                + (womenSuppressed ? "null" : "-1.5") + "},"
                + "{\"period\":\"after\",\"comparedWith\":\"before\",\"figure\":\"MEN\",\"percentagePoints\":-0.1}]}";
    }

    static final String MONTHLY = "{\"unit\":null,\"from\":\"2018-01\",\"to\":\"2018-03\",\"months\":["
            + "{\"month\":\"2018-01\",\"employees\":200,\"figures\":" + figures(7.5, 8.4, 4.8, false) + "},"
            + "{\"month\":\"2018-02\",\"employees\":200,\"figures\":" + figures(7.9, 8.9, 4.9, true) + "},"
            + "{\"month\":\"2018-03\",\"employees\":201,\"figures\":" + figures(7.0, 7.8, 4.6, false) + "}]}";
}
