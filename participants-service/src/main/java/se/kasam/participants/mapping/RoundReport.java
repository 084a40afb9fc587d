package se.kasam.participants.mapping;

import java.util.List;
import java.util.Map;
import se.kasam.participants.rules.TrioRoundForming;

/**
 * What a round achieved and what it could not satisfy, with the reason for each.
 *
 * @param groupSizes how many groups of each size
 */
public record RoundReport(int employees, int groups, Map<Integer, Integer> groupSizes,
                          List<TrioRoundForming.Unplaced> unplaced, List<TrioRoundForming.Issue> repeats,
                          List<TrioRoundForming.Issue> conflicts) {
}
