package se.kasam.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Port checks: a taken port is refused with a clear message instead of being half-used. */
public final class Ports {
    // below Linux's ephemeral range (32768-60999), so an outgoing connection can't take a port between choosing and binding
    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;

    private Ports() {
    }

    public static int freePort() {
        return freePorts(1)[0];
    }

    /** {@code n} distinct ports free now, for servers started one after another or side by side. */
    public static synchronized int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            // each chosen port stays bound until all are chosen, so no two are the same
            while (held.size() < n) {
                try {
                    held.add(new ServerSocket(ThreadLocalRandom.current().nextInt(LOW, HIGH), 1,
                            InetAddress.getLoopbackAddress()));
                } catch (IOException taken) {
                    // try another
                }
            }
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a socket that was only bound
                }
            }
        }
    }

    public static boolean isFree(int port) {
        if (isListening(port)) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as servers do: a port in TIME_WAIT is free
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(int port, String what) {
        if (!isFree(port)) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already taken by another program; "
                    + "stop it or choose another port (see --help)");
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
