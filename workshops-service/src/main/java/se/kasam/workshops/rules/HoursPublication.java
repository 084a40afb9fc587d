package se.kasam.workshops.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Participant hours for ALL, FEMALE and MALE as they may be shown: a group with fewer participants than the minimum
 * is hidden, and when one gender is hidden the other is too, since all less the one shown would give it away.
 */
public final class HoursPublication {
    public static final List<String> GROUPS = List.of("ALL", "FEMALE", "MALE");

    /** @param reason GROUP_TOO_SMALL or COMPLEMENTARY where hidden (then the figures are null), else null */
    public record Hours(String group, Integer participants, BigDecimal hours, BigDecimal coFinancingSek, String reason) {
    }

    private HoursPublication() {
    }

    public static List<Hours> protect(List<EsfTotals.Total> totals, int minGroupSize) {
        Map<String, EsfTotals.Total> byGroup = totals.stream()
                .collect(Collectors.toMap(EsfTotals.Total::legalGender, Function.identity()));
        List<Hours> shown = new ArrayList<>();
        for (String group : GROUPS) {
            EsfTotals.Total t = byGroup.getOrDefault(group, new EsfTotals.Total(group, 0, BigDecimal.ZERO, BigDecimal.ZERO));
            shown.add(t.participants() > 0 && t.participants() < minGroupSize
                    ? new Hours(group, null, null, null, "GROUP_TOO_SMALL")
                    : new Hours(group, t.participants(), t.hours(), t.coFinancingSek(), null));
        }
        long hiddenGenders = shown.stream().skip(1).filter(h -> h.reason() != null).count();
        if (hiddenGenders == 1) {
            shown.replaceAll(h -> h.group().equals("ALL") || h.reason() != null ? h
                    : new Hours(h.group(), null, null, null, "COMPLEMENTARY"));
        }
        return shown;
    }
}
