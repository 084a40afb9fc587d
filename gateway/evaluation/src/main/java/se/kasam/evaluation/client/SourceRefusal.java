package se.kasam.evaluation.client;

/** A service refused the call for a reason of the caller's (4xx): it is the caller's answer too, not a failure. */
public class SourceRefusal extends RuntimeException {
    private final int status;

    public SourceRefusal(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
