package se.kasam.evaluation.client;

/** A service answered with a server error (5xx): its section is unavailable, and the circuit breaker counts it. */
public class SourceFailure extends RuntimeException {
    public SourceFailure(String message) {
        super(message);
    }
}
