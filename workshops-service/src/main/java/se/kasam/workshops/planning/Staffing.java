package se.kasam.workshops.planning;

import java.util.Map;

/**
 * How many of each workplace's staff may be away at once, and how many already are in each half-day block (booked
 * before the plan).
 */
public record Staffing(Map<String, Integer> limits, Map<String, Integer> awayByUnitAndBlock) {
    public Staffing {
        limits = Map.copyOf(limits);
        awayByUnitAndBlock = Map.copyOf(awayByUnitAndBlock);
    }

    public int limit(String unitCode) {
        return limits.getOrDefault(unitCode, Integer.MAX_VALUE);
    }

    public int away(String unitCode, String block) {
        return awayByUnitAndBlock.getOrDefault(unitCode + "|" + block, 0);
    }
}
