package se.kasam.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one local stack with the demo municipality that the demo's system tests share (SystemIT, HostileInputIT,
 * FaultsIT, then BackupIT, which stops it: see junit-platform.properties for their order). Loading the demo takes
 * minutes on two cores; starting it once per class would not fit CI's time. Started by the first class that asks;
 * the stack's own shutdown hook stops it when the test JVM exits, if BackupIT has not.
 */
final class DemoStack {
    private static LocalStack stack;
    private static Path data;
    private static StackOptions.PortPlan ports;

    private DemoStack() {
    }

    static synchronized LocalStack get() throws Exception {
        if (stack == null) {
            Path root = Path.of(System.getProperty("kasam.root")).toAbsolutePath();
            data = Files.createTempDirectory("kasam-system-test");
            ports = StackOptions.PortPlan.random();
            StackOptions options = new StackOptions(root, data, Path.of(System.getProperty("kasam.keycloak.dist")), true,
                    false, true, false, ports);
            stack = LocalStack.start(options, step -> System.out.println("demo stack: starting " + step));
        }
        return stack;
    }

    /** Its data directory, to back up once it is stopped. */
    static synchronized Path dataDir() {
        return data;
    }

    /** Its ports: a copy started on them after it has stopped has the same token issuer (Keycloak's URL). */
    static synchronized StackOptions.PortPlan ports() {
        return ports;
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
