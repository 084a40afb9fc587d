package se.kasam.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code deploy/local/start}: the whole system on this machine, until Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("kasam.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve("deploy/local/.kasam");
        boolean fresh = false;
        boolean demo = true;
        int offset = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--data" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--port-offset" -> offset = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        Path keycloakDist = Path.of(System.getProperty("kasam.keycloak.dist",
                root.resolve("deploy/local/target/keycloak/keycloak-26.7.3").toString()));
        if (!Files.isDirectory(keycloakDist)) {
            System.err.println("Keycloak distribution missing at " + keycloakDist + ": build first");
            System.exit(1);
        }
        StackOptions options = new StackOptions(root, dataDir, keycloakDist, fresh, true, demo, true,
                StackOptions.PortPlan.defaults().offset(offset));

        long t0 = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(options, step -> System.out.println("kasam: starting " + step));
        } catch (RuntimeException e) {
            System.err.println("kasam: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Duration total = Duration.ofNanos(System.nanoTime() - t0);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("kasam: stopping ...");
            stack.close();
            System.out.println("kasam: stopped");
            stopped.countDown();
        }));
        printBanner(stack, options, total);
        stopped.await();
    }

    private static void printBanner(LocalStack stack, StackOptions options, Duration total) {
        StringBuilder out = new StringBuilder("\nkasam: all ready in %.1f s (data in %s)%n".formatted(total.toMillis() / 1000.0, options.dataDir()));
        for (Map.Entry<String, Duration> e : stack.readyAfter().entrySet()) {
            out.append("  %-22s ready after %5.1f s%n".formatted(e.getKey(), e.getValue().toMillis() / 1000.0));
        }
        out.append("""

                  Gateway (the API)   %1$s/api/...
                  Swagger UI          %1$s/q/swagger-ui
                  OpenAPI (merged)    %1$s/openapi
                  Evaluation report   %1$s/api/evaluation/report (.html, .pdf; with a bearer token)
                  Keycloak            %2$s  (admin console: admin / admin)
                  Realm               %2$s/realms/kasam

                  Demo logins (password 'kasam'; token client 'kasam-cli', password grant):
                    hanna.hr           hr-admin          D0001
                    petra.lead         project-lead      D0002
                    magnus.chef        manager           D0003
                    frida.facilitator  facilitator       D0004
                    emma.employee      employee          D0005
                    erik.eval          evaluator         D0006
                  HR integration: client 'kasam-hr-integration', secret 'kasam-hr-integration-secret'

                  Ctrl-C stops everything.
                """.formatted(stack.gatewayUrl(), stack.keycloakUrl()));
        System.out.println(out);
    }

    private static void usage() {
        System.out.println("""
                usage: deploy/local/start [--build] [--fresh] [--no-demo] [--data DIR] [--port-offset N]
                  --build          build first even if the packaged apps look current
                  --fresh          start from nothing (deletes the data directory first)
                  --no-demo        do not load the demo municipality
                  --data DIR       keep data in DIR (default deploy/local/.kasam)
                  --port-offset N  add N to every port (defaults: gateway 8080, services 8081-8084,
                                   evaluation 8085,
                                   Keycloak 8180/9180, Kafka 9092/9093, PostgreSQL 15432)
                """);
    }
}
