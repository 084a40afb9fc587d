package se.kasam.deploy.local.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import se.kasam.deploy.local.demo.MunicipalityGenerator.EmployeeRow;

/**
 * The programme as it ran, autumn 2019 to spring 2021: the three workshops in turn (the second from January 2020, the
 * third from late August 2020, and all three again in early 2021 for those employed since), sessions of 25 held at five places in the municipality, most of the staff attending
 * each (a few absent, who then do not go on to the next), trio groups meeting about five times, and each workplace's
 * health-promoting meetings. Deterministic for a seed.
 */
public final class ProgrammeGenerator {
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    public static final String FACILITATOR = "D0004";
    public static final int SEATS = 25;

    public record Place(String name, double latitude, double longitude) {
    }

    static final List<Place> PLACES = List.of(
            new Place("Folkets hus, Strömsund", 63.8526, 15.5579), new Place("Hammerdals bygdegård", 63.5947, 15.3528),
            new Place("Hotings skola", 64.1128, 16.2064), new Place("Backe medborgarhus", 64.0470, 16.4040),
            new Place("Gäddede kulturhus", 64.5044, 14.1508));

    record Module(String code, LocalDate from, double attends) {
    }

    static final List<Module> MODULES = List.of(
            new Module("GOD-ARBETSMILJO", LocalDate.of(2019, 9, 2), 0.96),
            new Module("HALSA-ORK", LocalDate.of(2020, 1, 13), 0.97),
            new Module("ARBETSPLATSER-SOM-LYCKAS", LocalDate.of(2020, 8, 24), 0.97));

    /** A session held: who came, and who was booked but absent. */
    public record HeldSession(String module, OffsetDateTime startsAt, OffsetDateTime endsAt, Place place,
                              List<String> attended, List<String> absent) {
    }

    public record TrioMeeting(long groupId, LocalDate date, int minutes, List<String> present) {
    }

    public record WorkplaceActivity(String unitCode, String kind, String theme, LocalDate date, int minutes,
                                    List<String> attendees) {
    }

    public record Programme(List<HeldSession> sessions, List<TrioMeeting> trioMeetings,
                            List<WorkplaceActivity> activities) {
    }

    private ProgrammeGenerator() {
    }

    /** @param trioGroups group id → its members' employee numbers */
    public static Programme generate(List<EmployeeRow> employees, Map<Long, List<String>> trioGroups, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, EmployeeRow> byNumber = employees.stream()
                .collect(Collectors.toMap(EmployeeRow::employeeNumber, e -> e));
        List<String> units = employees.stream().map(EmployeeRow::unitCode).distinct().sorted().toList();
        List<HeldSession> sessions = new ArrayList<>();
        // everyone employed when the programme started; then, in 2021, the three again for those who came since
        run(MODULES, staff(employees, LocalDate.MIN, MODULES.getFirst().from()), units, random, sessions);
        run(CATCH_UP, staff(employees, MODULES.getFirst().from(), LocalDate.of(2021, 1, 1)), units, random, sessions);
        return new Programme(sessions, trioMeetings(trioGroups, byNumber, random), activities(employees, units, random));
    }

    /** Newcomers' round, January to April 2021. */
    static final List<Module> CATCH_UP = List.of(
            new Module("GOD-ARBETSMILJO", LocalDate.of(2021, 1, 11), 0.95),
            new Module("HALSA-ORK", LocalDate.of(2021, 2, 15), 0.97),
            new Module("ARBETSPLATSER-SOM-LYCKAS", LocalDate.of(2021, 3, 22), 0.97));

    private static List<EmployeeRow> staff(List<EmployeeRow> employees, LocalDate from, LocalDate before) {
        return employees.stream().filter(e -> !e.startDate().isBefore(from) && e.startDate().isBefore(before))
                .sorted(Comparator.comparing(EmployeeRow::unitCode).thenComparing(EmployeeRow::employeeNumber)).toList();
    }

    /** The modules in turn; who goes on to the next is who attended the one before. */
    private static void run(List<Module> modules, List<EmployeeRow> starting, List<String> units, SplittableRandom random,
                            List<HeldSession> sessions) {
        List<EmployeeRow> going = starting;
        for (Module module : modules) {
            List<EmployeeRow> booked = going.stream().filter(e -> random.nextDouble() < module.attends()).toList();
            List<String> attendedNow = new ArrayList<>();
            LocalDate day = nextTuesdayOrThursday(module.from());
            for (int i = 0; i < booked.size(); i += SEATS) {
                List<EmployeeRow> seated = booked.subList(i, Math.min(booked.size(), i + SEATS));
                // a session on Tuesdays and Thursdays, mornings and afternoons in turn
                boolean morning = (i / SEATS) % 2 == 0;
                OffsetDateTime starts = day.atTime(morning ? LocalTime.of(8, 30) : LocalTime.of(13, 0)).atZone(STOCKHOLM)
                        .toOffsetDateTime();
                Place place = PLACES.get(units.indexOf(seated.getFirst().unitCode()) % PLACES.size());
                List<String> attended = new ArrayList<>();
                List<String> absent = new ArrayList<>();
                for (EmployeeRow e : seated) {
                    (random.nextDouble() < 0.03 ? absent : attended).add(e.employeeNumber());
                }
                sessions.add(new HeldSession(module.code(), starts, starts.plusHours(3), place, attended, absent));
                attendedNow.addAll(attended);
                day = nextTuesdayOrThursday(day.plusDays(1));
            }
            Set<String> attended = new HashSet<>(attendedNow);
            going = going.stream().filter(e -> attended.contains(e.employeeNumber())).toList();
        }
    }

    private static List<TrioMeeting> trioMeetings(Map<Long, List<String>> groups, Map<String, EmployeeRow> byNumber,
                                                  SplittableRandom random) {
        List<TrioMeeting> meetings = new ArrayList<>();
        for (Map.Entry<Long, List<String>> group : groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            LocalDate from = group.getValue().stream().map(byNumber::get).filter(java.util.Objects::nonNull)
                    .map(EmployeeRow::startDate).max(Comparator.naturalOrder()).orElse(LocalDate.MAX);
            LocalDate first = from.isAfter(LocalDate.of(2019, 10, 1)) ? from : LocalDate.of(2019, 10, 1);
            for (int n = 0; n < 5; n++) {
                LocalDate date = nextWeekday(first.plusDays(n * 100L + random.nextInt(30)));
                if (date.isAfter(LocalDate.of(2021, 4, 30)) || random.nextDouble() < 0.1) {
                    continue;
                }
                List<String> present = group.getValue().stream().filter(m -> random.nextDouble() < 0.9).toList();
                if (present.size() >= 2) {
                    meetings.add(new TrioMeeting(group.getKey(), date, 30 + 15 * random.nextInt(3), present));
                }
            }
        }
        return meetings;
    }

    private static List<WorkplaceActivity> activities(List<EmployeeRow> employees, List<String> units,
                                                      SplittableRandom random) {
        List<WorkplaceActivity> activities = new ArrayList<>();
        Object[][] held = {
                {"WORKPLACE_MEETING", "Begriplighet: vad gör vår arbetsplats god?", LocalDate.of(2019, 11, 12), 60},
                {"WORKPLACE_MEETING", "Hanterbarhet: återhämtning i vardagen", LocalDate.of(2020, 5, 19), 60},
                {"DEVELOPMENT_TALK", "Meningsfullhet i mitt arbete", LocalDate.of(2020, 10, 6), 45},
                {"WORKPLACE_MEETING", "Arbetsplatser som lyckas: delaktighet, respekt, ansvar", LocalDate.of(2021, 2, 16), 60}};
        for (String unit : units) {
            for (Object[] h : held) {
                LocalDate date = nextWeekday((LocalDate) h[2]);
                List<String> attendees = employees.stream().filter(e -> e.unitCode().equals(unit))
                        .filter(e -> e.startDate().isBefore(date)).filter(e -> random.nextDouble() < 0.85)
                        .map(EmployeeRow::employeeNumber).toList();
                if (!attendees.isEmpty()) {
                    activities.add(new WorkplaceActivity(unit, (String) h[0], (String) h[1], date, (int) h[3], attendees));
                }
            }
        }
        return activities;
    }

    private static LocalDate nextTuesdayOrThursday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() != DayOfWeek.TUESDAY && d.getDayOfWeek() != DayOfWeek.THURSDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate nextWeekday(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }
}
