package se.kasam.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a readiness check until it holds or the time is up. */
public final class Wait {
    private Wait() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!safely(ready)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static boolean safely(BooleanSupplier ready) {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
