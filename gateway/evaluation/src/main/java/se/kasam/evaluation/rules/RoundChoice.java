package se.kasam.evaluation.rules;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Which survey rounds a report compares: those asked for, or else the first and the last closed round. */
public final class RoundChoice {
    public record Candidate(String id, String status, OffsetDateTime closedAt) {
    }

    public record Pair(String baseline, String followUp) {
    }

    private RoundChoice() {
    }

    /** @return empty when fewer than two rounds have closed (and none were asked for) */
    public static Optional<Pair> choose(List<Candidate> rounds, String baseline, String followUp) {
        if (baseline != null) {
            return Optional.of(new Pair(baseline, followUp));
        }
        List<Candidate> closed = rounds.stream().filter(r -> "CLOSED".equals(r.status()) && r.closedAt() != null)
                .sorted(Comparator.comparing(Candidate::closedAt)).toList();
        return closed.size() < 2 ? Optional.empty()
                : Optional.of(new Pair(closed.get(0).id(), closed.get(closed.size() - 1).id()));
    }
}
