package se.kasam.participants.mapping;

/** A record's state with the version it has (stored) or will have (to be written). */
public record Versioned<T>(T state, int version) {
}
