package se.kasam.deploy.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;

class ProgrammeGeneratorTest {
    static final List<EmployeeRow> STAFF = MunicipalityGenerator.generate(1300, 2026, LocalDate.of(2026, 1, 1)).employees();
    static final Map<Long, List<String>> GROUPS = new HashMap<>();

    static {
        List<String> numbers = STAFF.stream().map(EmployeeRow::employeeNumber).toList();
        for (int i = 0; i + 3 <= 900; i += 3) {
            GROUPS.put((long) i, numbers.subList(i, i + 3));
        }
    }

    static final ProgrammeGenerator.Programme PROGRAMME = ProgrammeGenerator.generate(STAFF, GROUPS, 2026);

    @Test
    void theSameSeedTheSameProgramme() {
        assertEquals(PROGRAMME, ProgrammeGenerator.generate(STAFF, GROUPS, 2026));
    }

    @Test
    void sessionsOfAtMost25InModuleOrderAndMostThroughAllThree() {
        Map<String, OffsetDateTime> attendedFirst = new HashMap<>();
        Map<String, OffsetDateTime> attendedSecond = new HashMap<>();
        Map<String, Integer> done = new HashMap<>();
        for (ProgrammeGenerator.HeldSession s : PROGRAMME.sessions()) {
            assertTrue(s.attended().size() + s.absent().size() <= ProgrammeGenerator.SEATS);
            assertTrue(s.startsAt().isAfter(OffsetDateTime.parse("2019-08-31T00:00:00+02:00"))
                    && s.endsAt().isBefore(OffsetDateTime.parse("2021-05-01T00:00:00+02:00")), s.startsAt().toString());
            for (String e : s.attended()) {
                done.merge(e, 1, Integer::sum);
            }
            List<String> booked = new ArrayList<>(s.attended());
            booked.addAll(s.absent());
            switch (s.module()) {
                case "GOD-ARBETSMILJO" -> s.attended().forEach(e -> attendedFirst.put(e, s.endsAt()));
                case "HALSA-ORK" -> {
                    booked.forEach(e -> assertTrue(attendedFirst.containsKey(e) && attendedFirst.get(e).isBefore(s.startsAt()), e));
                    s.attended().forEach(e -> attendedSecond.put(e, s.endsAt()));
                }
                default -> booked.forEach(e -> assertTrue(attendedSecond.containsKey(e)
                        && attendedSecond.get(e).isBefore(s.startsAt()), e));
            }
        }
        // of the staff at the programme's end, most went through all three
        long employedAtEnd = STAFF.stream().filter(e -> e.startDate().isBefore(LocalDate.of(2021, 4, 30))).count();
        long allThree = done.values().stream().filter(n -> n == 3).count();
        assertTrue(allThree > 0.7 * employedAtEnd && allThree < 0.9 * employedAtEnd,
                allThree + " of " + employedAtEnd + " through all three");
    }

    @Test
    void trioGroupsMeetAboutFiveTimesWhileAllAreEmployed() {
        Map<String, LocalDate> start = STAFF.stream().collect(Collectors.toMap(EmployeeRow::employeeNumber, EmployeeRow::startDate));
        Map<Long, Integer> meetings = new HashMap<>();
        for (ProgrammeGenerator.TrioMeeting m : PROGRAMME.trioMeetings()) {
            meetings.merge(m.groupId(), 1, Integer::sum);
            assertTrue(GROUPS.get(m.groupId()).containsAll(m.present()) && m.present().size() >= 2);
            m.present().forEach(p -> assertTrue(!start.get(p).isAfter(m.date())));
            assertTrue(m.date().isBefore(LocalDate.of(2021, 5, 1)));
        }
        double mean = meetings.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        assertTrue(mean > 3.5 && mean <= 5, "meetings per group " + mean);
    }

    @Test
    void eachWorkplaceHoldsItsMeetingsWithItsOwnStaff() {
        Map<String, String> unitOf = STAFF.stream().collect(Collectors.toMap(EmployeeRow::employeeNumber, EmployeeRow::unitCode));
        Set<String> units = new HashSet<>();
        for (ProgrammeGenerator.WorkplaceActivity a : PROGRAMME.activities()) {
            a.attendees().forEach(e -> assertEquals(a.unitCode(), unitOf.get(e)));
            units.add(a.unitCode());
        }
        // every workplace of three or more then employed held them
        Set<String> workplaces = STAFF.stream().filter(e -> e.startDate().isBefore(LocalDate.of(2019, 11, 12)))
                .collect(Collectors.groupingBy(EmployeeRow::unitCode, Collectors.counting())).entrySet().stream()
                .filter(u -> u.getValue() >= 3).map(Map.Entry::getKey).collect(Collectors.toSet());
        assertTrue(units.containsAll(workplaces), workplaces.size() + " workplaces, " + units.size() + " with meetings");
    }
}
