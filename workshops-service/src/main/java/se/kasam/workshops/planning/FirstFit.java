package se.kasam.workshops.planning;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * A first plan, made before the solver starts: each party, in order, at the earliest of its module's slots that
 * still has seats, keeps its workplaces within their cap for the block, comes after the module before and avoids its
 * members' unavailable days; a party no slot takes is left unplaced. Linear in parties × slots looked at, so even
 * 10,000 employees have a plan in a moment; the solver then improves it (fewer sessions, less travel, more placed).
 */
public final class FirstFit {
    private FirstFit() {
    }

    public static void place(Plan plan) {
        Map<String, Integer> taken = new HashMap<>();
        Map<String, Integer> away = new HashMap<>();
        Map<String, OffsetDateTime> endOf = new HashMap<>();
        for (Party party : plan.getParties()) {
            OffsetDateTime after = party.getPriorEndsAt();
            if (party.isPriorPlanned()) {
                after = endOf.get(party.getKey() + "|" + party.getFollows());
                if (after == null) {
                    continue;
                }
            }
            for (Slot slot : party.getPossibleSlots()) {
                if (fits(party, slot, after, taken, away, plan.getStaffing())) {
                    party.setSlot(slot);
                    taken.merge(slot.id(), party.size(), Integer::sum);
                    party.away().forEach(a -> away.merge(a.unitCode() + "|" + a.block(), a.count(), Integer::sum));
                    endOf.put(party.getKey() + "|" + party.getModuleCode(), slot.endsAt());
                    break;
                }
            }
        }
    }

    private static boolean fits(Party party, Slot slot, OffsetDateTime after, Map<String, Integer> taken,
                                Map<String, Integer> away, Staffing staffing) {
        if (after != null && slot.startsAt().isBefore(after)) {
            return false;
        }
        if (taken.getOrDefault(slot.id(), 0) + party.size() > slot.seats() || party.getUnavailable().contains(slot.day())) {
            return false;
        }
        Map<String, Integer> byUnit = new HashMap<>();
        party.getMembers().forEach(m -> byUnit.merge(m.unitCode(), 1, Integer::sum));
        for (Map.Entry<String, Integer> unit : byUnit.entrySet()) {
            String key = unit.getKey() + "|" + slot.block();
            if (away.getOrDefault(key, 0) + staffing.away(unit.getKey(), slot.block()) + unit.getValue()
                    > staffing.limit(unit.getKey())) {
                return false;
            }
        }
        return true;
    }
}
