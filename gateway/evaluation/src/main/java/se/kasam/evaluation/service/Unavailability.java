package se.kasam.evaluation.service;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import se.kasam.evaluation.client.SourceFailure;
import se.kasam.evaluation.mapping.EvaluationReport;

/** Why a section could not be had, in the report's words. */
final class Unavailability {
    private Unavailability() {
    }

    static EvaluationReport.Unavailable of(String service, Throwable failure, long timeoutMs) {
        if (failure instanceof TimeoutException) {
            return new EvaluationReport.Unavailable("TIMEOUT", service + " did not answer within " + timeoutMs + " ms");
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return new EvaluationReport.Unavailable("CIRCUIT_OPEN", service
                    + " failed repeatedly just now; it is not asked again for a few seconds");
        }
        if (failure instanceof SourceFailure) {
            return new EvaluationReport.Unavailable("FAILED", service + " " + failure.getMessage());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ProcessingException) {
                return new EvaluationReport.Unavailable("UNREACHABLE", service + " could not be reached");
            }
        }
        return new EvaluationReport.Unavailable("FAILED", service + " failed: " + failure.getClass().getSimpleName());
    }
}
