package se.kasam.deploy.local;

import java.nio.file.Path;

/**
 * How to run the local stack: where the repository and the data are, which ports, whether to keep data durable
 * (the one-machine run) or trade durability for speed (tests), and whether the apps use the JDK's AOT cache
 * (kept in deploy/local/target/aot, so --fresh does not discard it).
 */
public record StackOptions(Path root, Path dataDir, Path keycloakDist, boolean fresh, boolean durable,
                           boolean demoData, boolean aotCache, PortPlan ports) {

    public Path aotCacheDir() {
        return root.resolve("deploy/local/target/aot");
    }

    /** Every port the stack listens on; {@link #offset(int)} moves them all, {@link #random()} picks free ones. */
    public record PortPlan(int gateway, int participants, int workshops, int survey, int sickleave, int evaluation,
                           int keycloak, int keycloakManagement, int kafka, int kafkaController, int postgres) {

        public static PortPlan defaults() {
            return new PortPlan(8080, 8081, 8082, 8083, 8084, 8085, 8180, 9180, 9092, 9093, 15432);
        }

        public PortPlan offset(int by) {
            return new PortPlan(gateway + by, participants + by, workshops + by, survey + by, sickleave + by,
                    evaluation + by, keycloak + by, keycloakManagement + by, kafka + by, kafkaController + by, postgres + by);
        }

        public static PortPlan random() {
            int[] p = se.kasam.stack.Ports.freePorts(11);
            return new PortPlan(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10]);
        }
    }
}
