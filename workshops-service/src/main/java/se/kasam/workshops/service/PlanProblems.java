package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.Employee;
import se.kasam.workshops.TrioGroup;
import se.kasam.workshops.UnitSetting;
import se.kasam.workshops.WorkshopModule;
import se.kasam.workshops.config.WorkshopsConfig;
import se.kasam.workshops.mapping.PlanInput;
import se.kasam.workshops.planning.Party;
import se.kasam.workshops.planning.Plan;
import se.kasam.workshops.planning.Slot;
import se.kasam.workshops.planning.Staffing;
import se.kasam.workshops.repository.EmployeeRepository;
import se.kasam.workshops.repository.ModuleRepository;
import se.kasam.workshops.repository.PlanningRepository;
import se.kasam.workshops.repository.TrioGroupRepository;
import se.kasam.workshops.repository.UnitSettingRepository;
import se.kasam.workshops.rules.StaffingCap;

/**
 * The planning problem as things stand: every active employee not holding a booking of a module (and able to take
 * it: its audience, the module before attended, booked, or in the plan too), in trio groups where all of a group
 * need it; the window's planned sessions with free seats, and candidate sessions enough for all on weekdays'
 * mornings and afternoons at the places given.
 */
@ApplicationScoped
public class PlanProblems {
    private static final double SPARE = 1.5;

    @Inject
    Clock clock;

    @Inject
    WorkshopsConfig config;

    @Inject
    ModuleRepository modules;

    @Inject
    EmployeeRepository employees;

    @Inject
    TrioGroupRepository trioGroups;

    @Inject
    UnitSettingRepository settings;

    @Inject
    PlanningRepository planning;

    @Inject
    se.kasam.workshops.repository.UnitRepository units;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan build(PlanInput input) {
        if (!input.to().isAfter(input.from())) {
            throw ProblemException.invalid("to", "AfterFrom", "the window ends after it starts");
        }
        if (input.to().isAfter(input.from().plusYears(2))) {
            throw ProblemException.invalid("to", "AtMostTwoYears", "a window of at most two years");
        }
        List<WorkshopModule> planned = modules(input);
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime from = latest(input.from().atStartOfDay(clock.getZone()).toOffsetDateTime(), OffsetDateTime.now(clock));
        OffsetDateTime to = input.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        int seats = input.seats() == null ? 25 : input.seats();
        List<String> codes = planned.stream().map(m -> m.code).toList();

        List<Employee> staff = employees.list("startDate <= ?1 and (endDate is null or endDate >= ?1)", today);
        if (input.units() != null && !input.units().isEmpty()) {
            for (int i = 0; i < input.units().size(); i++) {
                if (units.findByIdOptional(input.units().get(i)).filter(u -> !u.deleted).isEmpty()) {
                    throw ProblemException.invalid("units[" + i + "]", "Exists", "no unit " + input.units().get(i));
                }
            }
            Set<String> scope = units.subtrees(Set.copyOf(input.units()));
            staff = staff.stream().filter(e -> scope.contains(e.unitCode)).toList();
        }
        Map<String, Map<String, PlanningRepository.Holding>> held = new HashMap<>();
        planning.holdings().forEach(h -> held.computeIfAbsent(h.employeeNumber(), k -> new HashMap<>()).put(h.moduleCode(), h));
        Map<String, UnitSetting> unitSettings = new HashMap<>();
        settings.listAll().forEach(s -> unitSettings.put(s.unitCode, s));
        Map<String, Set<LocalDate>> unavailable = new HashMap<>();
        planning.unavailableDays(input.from(), input.to()).forEach(r ->
                unavailable.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((LocalDate) r[1]));
        Set<String> managers = new HashSet<>();
        managers.addAll(employees.getEntityManager().createNativeQuery(
                "select distinct unnest(managers) from unit where not deleted", String.class).getResultList());

        List<PlanningRepository.Open> open = planning.openSessions(codes, from, to);
        List<PlanInput.Place> places = places(input, open);
        Map<String, List<Slot>> slotsOf = new LinkedHashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (PlanningRepository.Open o : open) {
            Slot slot = new Slot("S" + o.id(), o.moduleCode(), o.startsAt(), o.endsAt(), o.placeName(), o.latitude(),
                    o.longitude(), o.free(), o.id(), clock.getZone());
            slots.add(slot);
            slotsOf.computeIfAbsent(o.moduleCode(), k -> new ArrayList<>()).add(slot);
        }

        Map<String, Employee> byNumber = new HashMap<>();
        staff.forEach(e -> byNumber.put(e.employeeNumber, e));
        Map<String, TrioGroup> groupOf = new HashMap<>();
        for (TrioGroup g : trioGroups.list("dissolved = false order by roundId desc, id")) {
            for (String m : g.members) {
                groupOf.putIfAbsent(m, g);
            }
        }
        List<Party> parties = new ArrayList<>();
        for (WorkshopModule module : planned) {
            List<Employee> needing = staff.stream().filter(e -> !holds(held, e.employeeNumber, module.code))
                    .filter(e -> inAudience(module, e, managers))
                    .filter(e -> module.follows == null || holds(held, e.employeeNumber, module.follows)
                            || codes.contains(module.follows))
                    .sorted(Comparator.comparing((Employee e) -> e.unitCode).thenComparing(e -> e.employeeNumber)).toList();
            List<Slot> moduleSlots = slotsOf.computeIfAbsent(module.code, k -> new ArrayList<>());
            int freeSeats = moduleSlots.stream().mapToInt(Slot::seats).sum();
            int candidates = (int) Math.ceil(Math.max(0, needing.size() * SPARE - freeSeats) / seats);
            moduleSlots.addAll(candidates(module, planned.indexOf(module), planned.size(), candidates, seats, places,
                    input.from(), input.to()));
            slots.addAll(moduleSlots.subList(moduleSlots.size() - candidates, moduleSlots.size()));
            Set<String> placed = new HashSet<>();
            Set<String> needs = new HashSet<>();
            needing.forEach(e -> needs.add(e.employeeNumber));
            for (Employee e : needing) {
                if (placed.contains(e.employeeNumber)) {
                    continue;
                }
                TrioGroup g = groupOf.get(e.employeeNumber);
                List<Employee> together = g != null && needs.containsAll(List.of(g.members))
                        && List.of(g.members).stream().map(m -> prior(held, m, module)).distinct().count() == 1
                        ? List.of(g.members).stream().map(byNumber::get).filter(Objects::nonNull).toList() : List.of(e);
                together.forEach(m -> placed.add(m.employeeNumber));
                String key = together.size() > 1 ? "T" + g.id : "E" + e.employeeNumber;
                parties.add(party(key, module, together, held, unitSettings, unavailable, codes, moduleSlots));
            }
        }
        return new Plan(slots, staffing(unitSettings, today, from, to), parties);
    }

    private Party party(String key, WorkshopModule module, List<Employee> people,
                        Map<String, Map<String, PlanningRepository.Holding>> held, Map<String, UnitSetting> unitSettings,
                        Map<String, Set<LocalDate>> unavailable, List<String> codes, List<Slot> slots) {
        String first = people.getFirst().employeeNumber;
        PlanningRepository.Holding prior = module.follows == null ? null : held.getOrDefault(first, Map.of()).get(module.follows);
        OffsetDateTime priorEnds = prior != null && !prior.status().equals("ATTENDED") ? prior.sessionEndsAt() : null;
        boolean priorPlanned = module.follows != null && prior == null && codes.contains(module.follows);
        UnitSetting where = unitSettings.get(people.getFirst().unitCode);
        Set<LocalDate> days = new HashSet<>();
        people.forEach(p -> days.addAll(unavailable.getOrDefault(p.employeeNumber, Set.of())));
        return new Party(key + ":" + module.code, key, module.code, module.follows,
                people.stream().map(p -> new Party.Member(p.employeeNumber, p.unitCode)).toList(),
                where == null ? null : where.latitude, where == null ? null : where.longitude, priorEnds, priorPlanned,
                days, slots);
    }

    /** The state of a member's booking of the module before (all of a group must share it to be placed together). */
    private static String prior(Map<String, Map<String, PlanningRepository.Holding>> held, String employee,
                                WorkshopModule module) {
        if (module.follows == null) {
            return "";
        }
        PlanningRepository.Holding h = held.getOrDefault(employee, Map.of()).get(module.follows);
        return h == null ? "none" : h.status() + h.sessionEndsAt();
    }

    private Staffing staffing(Map<String, UnitSetting> unitSettings, LocalDate today, OffsetDateTime from,
                              OffsetDateTime to) {
        Map<String, Integer> limits = new HashMap<>();
        for (Object[] row : planning.staffByUnit(today)) {
            String unit = (String) row[0];
            int percent = unitSettings.containsKey(unit) ? unitSettings.get(unit).awayCapPercent : config.defaultAwayCapPercent();
            limits.put(unit, new StaffingCap(((Number) row[1]).intValue(), percent).limit());
        }
        Map<String, Integer> away = new HashMap<>();
        for (PlanningRepository.Away a : planning.awayBetween(from, to)) {
            var local = a.startsAt().atZoneSameInstant(clock.getZone());
            away.merge(a.unitCode() + "|" + local.toLocalDate() + (local.getHour() < 12 ? "-AM" : "-PM"), 1, Integer::sum);
        }
        return new Staffing(limits, away);
    }

    /**
     * Candidate sessions spread evenly over the module's part of the window's weekday mornings and afternoons (the
     * modules in order, each its share of the window, so a module's candidates come after the one before), the places
     * in turn.
     */
    private List<Slot> candidates(WorkshopModule module, int position, int modules, int count, int seats,
                                  List<PlanInput.Place> places, LocalDate from, LocalDate to) {
        List<OffsetDateTime> starts = new ArrayList<>();
        LocalDate earliest = from.isAfter(LocalDate.now(clock)) ? from : LocalDate.now(clock).plusDays(1);
        for (LocalDate d = earliest; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                starts.add(d.atTime(LocalTime.of(8, 30)).atZone(clock.getZone()).toOffsetDateTime());
                starts.add(d.atTime(LocalTime.of(13, 0)).atZone(clock.getZone()).toOffsetDateTime());
            }
        }
        List<Slot> slots = new ArrayList<>();
        if (starts.isEmpty() || places.isEmpty()) {
            return slots;
        }
        long hours = module.hours.setScale(0, java.math.RoundingMode.CEILING).longValue();
        int first = starts.size() * position / modules;
        int span = Math.max(1, starts.size() * (position + 1) / modules - first);
        for (int i = 0; i < count; i++) {
            OffsetDateTime start = starts.get(first + (int) ((long) i * span / Math.max(count, 1)) % span);
            PlanInput.Place place = places.get(i % places.size());
            slots.add(new Slot("N" + module.code + "-" + i, module.code, start, start.plusHours(Math.max(1, hours)),
                    place.name(), place.latitude(), place.longitude(), seats, null, clock.getZone()));
        }
        return slots;
    }

    private List<PlanInput.Place> places(PlanInput input, List<PlanningRepository.Open> open) {
        if (input.places() != null && !input.places().isEmpty()) {
            return input.places();
        }
        Map<String, PlanInput.Place> known = new LinkedHashMap<>();
        open.stream().filter(o -> o.latitude() != null)
                .forEach(o -> known.putIfAbsent(o.placeName(), new PlanInput.Place(o.placeName(), o.latitude(), o.longitude())));
        if (known.isEmpty()) {
            throw ProblemException.invalid("places", "NotEmpty", "no planned session has a location: name the places sessions may be added at");
        }
        return List.copyOf(known.values());
    }

    private List<WorkshopModule> modules(PlanInput input) {
        if (input.modules() == null || input.modules().isEmpty()) {
            return modules.list("audience = 'ALL' order by ordinal");
        }
        List<WorkshopModule> found = new ArrayList<>();
        for (int i = 0; i < input.modules().size(); i++) {
            WorkshopModule m = modules.findById(input.modules().get(i));
            if (m == null) {
                throw ProblemException.invalid("modules[" + i + "]", "Exists", "no module " + input.modules().get(i));
            }
            found.add(m);
        }
        found.sort(Comparator.comparingInt(m -> m.ordinal));
        return found;
    }

    private static boolean holds(Map<String, Map<String, PlanningRepository.Holding>> held, String employee, String module) {
        return held.getOrDefault(employee, Map.of()).containsKey(module);
    }

    private static boolean inAudience(WorkshopModule module, Employee e, Set<String> managers) {
        return switch (module.audience) {
            case "MANAGERS" -> managers.contains(e.employeeNumber);
            case "UNITS" -> List.of(module.audienceUnits).contains(e.unitCode);
            default -> true;
        };
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
