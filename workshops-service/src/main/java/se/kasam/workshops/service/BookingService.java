package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import se.kasam.platform.problem.Problem;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.workshops.Booking;
import se.kasam.workshops.Employee;
import se.kasam.workshops.Session;
import se.kasam.workshops.TrioGroup;
import se.kasam.workshops.WorkshopModule;
import se.kasam.workshops.config.WorkshopsConfig;
import se.kasam.workshops.mapping.BookingInput;
import se.kasam.workshops.mapping.BookingView;
import se.kasam.workshops.mapping.TrioBookingInput;
import se.kasam.workshops.repository.BookingRepository;
import se.kasam.workshops.repository.EmployeeRepository;
import se.kasam.workshops.repository.ModuleRepository;
import se.kasam.workshops.repository.SessionRepository;
import se.kasam.workshops.repository.TrioGroupRepository;
import se.kasam.workshops.repository.UnitRepository;
import se.kasam.workshops.repository.UnitSettingRepository;
import se.kasam.workshops.rules.ModuleOrder;
import se.kasam.workshops.rules.StaffingCap;

/**
 * Books places, keeps waitlists and moves them up. Locks are always taken in one order, employees' (sorted), then the
 * session's row, then workplaces' staffing (sorted), so concurrent bookings serialise on a session in arrival order
 * and never deadlock.
 */
@ApplicationScoped
public class BookingService {
    @Inject
    Clock clock;

    @Inject
    WorkshopsConfig config;

    @Inject
    WorkshopsAccess access;

    @Inject
    SessionRepository sessions;

    @Inject
    BookingRepository bookings;

    @Inject
    EmployeeRepository employees;

    @Inject
    UnitRepository units;

    @Inject
    UnitSettingRepository settings;

    @Inject
    ModuleRepository modules;

    @Inject
    TrioGroupRepository trioGroups;

    @Inject
    WorkshopEvents events;

    @Inject
    BookingViews views;

    @Transactional
    public BookingView book(UUID sessionId, BookingInput input) {
        Employee employee = access.actFor(input == null ? null : input.employeeNumber());
        employees.lockBookings(employee.employeeNumber);
        Session session = session(sessionId);
        List<String> warnings = eligible(session, employee, "employeeNumber");
        sessions.lock(session);
        requirePlanned(session);
        Booking booking = bookings.seated(session.id) < session.capacity
                ? place(session, List.of(employee), Booking.Status.BOOKED).getFirst()
                : place(session, List.of(employee), Booking.Status.WAITLISTED).getFirst();
        return views.of(booking, employee, warnings);
    }

    /** Books a trio group's members together: all of them have a seat, or none is booked. */
    @Transactional
    public List<BookingView> bookTrio(UUID sessionId, TrioBookingInput input) {
        TrioGroup group = trioGroups.findByIdOptional(input.trioGroupId()).filter(g -> !g.dissolved)
                .orElseThrow(() -> ProblemException.notFound("trio group " + input.trioGroupId()));
        // a member books their group; a manager or the project lead any group whose members they may book for
        boolean byMember = access.self().filter(group::hasMember).isPresent();
        List<Employee> members = new ArrayList<>();
        for (String number : List.of(group.members).stream().sorted().toList()) {
            members.add(byMember ? employees.findByIdOptional(number)
                    .orElseThrow(() -> ProblemException.notFound("employee " + number)) : access.ofTrioGroup(group.id, number));
        }
        return seatTogether(sessionId, members, "trioGroupId", "trio group " + group.id);
    }

    /**
     * Books people the plan put together at a session, in a transaction of their own: all seated, or none (checked
     * against the seats and rules as they are now).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<BookingView> bookPlanned(UUID sessionId, List<String> employeeNumbers) {
        List<Employee> people = new ArrayList<>();
        for (String number : employeeNumbers.stream().sorted().toList()) {
            people.add(access.actFor(number));
        }
        return seatTogether(sessionId, people, "employees", String.join(", ", employeeNumbers));
    }

    private List<BookingView> seatTogether(UUID sessionId, List<Employee> members, String field, String who) {
        members.forEach(m -> employees.lockBookings(m.employeeNumber));
        Session session = session(sessionId);
        List<String> warnings = new ArrayList<>();
        for (Employee member : members) {
            warnings.addAll(eligible(session, member, field));
        }
        sessions.lock(session);
        requirePlanned(session);
        int free = session.capacity - bookings.seated(session.id);
        if (free < members.size()) {
            throw new ProblemException(ProblemType.CONFLICT, "the session has " + Math.max(free, 0)
                    + " free seats; " + who + " needs " + members.size() + " together",
                    List.of(new Problem.Violation(field, "Capacity", "not enough free seats for all of them")));
        }
        List<Booking> booked = place(session, members, Booking.Status.BOOKED);
        List<BookingView> result = new ArrayList<>();
        for (int i = 0; i < booked.size(); i++) {
            result.add(views.of(booked.get(i), members.get(i), warnings));
        }
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingView get(UUID bookingId) {
        Booking booking = bookings.findByIdOptional(bookingId)
                .orElseThrow(() -> ProblemException.notFound("booking " + bookingId));
        return views.of(booking, access.ofBooking(bookingId, booking.employeeNumber), List.of());
    }

    /** A session's bookings and waitlist, for the one who leads it (or the project lead). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BookingView> ofSession(UUID sessionId) {
        Session session = session(sessionId);
        access.leads(session);
        Map<String, Employee> people = new java.util.HashMap<>();
        List<Booking> all = bookings.ofSession(sessionId);
        employees.byNumbers(all.stream().map(b -> b.employeeNumber).toList())
                .forEach(e -> people.put(e.employeeNumber, e));
        List<BookingView> result = new ArrayList<>();
        int waiting = 0;
        for (Booking b : all) {
            Integer position = b.is(Booking.Status.WAITLISTED) ? ++waiting : null;
            result.add(views.of(b, people.get(b.employeeNumber), List.of(), position));
        }
        return result;
    }

    @Transactional
    public BookingView cancel(UUID bookingId) {
        Booking booking = bookings.findByIdOptional(bookingId)
                .orElseThrow(() -> ProblemException.notFound("booking " + bookingId));
        Employee employee = access.ofBooking(bookingId, booking.employeeNumber);
        employees.lockBookings(employee.employeeNumber);
        Session session = session(booking.sessionId);
        sessions.lock(session);
        bookings.getEntityManager().refresh(booking);
        if (!booking.is(Booking.Status.BOOKED) && !booking.is(Booking.Status.WAITLISTED)) {
            throw ProblemException.conflict("booking " + bookingId + " is " + booking.status + ": nothing to cancel");
        }
        if (!session.startsAt.isAfter(OffsetDateTime.now(clock)) && !access.isProjectLead()) {
            throw ProblemException.conflict("the session has started: ask the project lead to correct the booking");
        }
        cancelOne(booking, session, "CANCELLED_BY_CALLER");
        promote(session);
        return views.of(booking, employee, List.of());
    }

    /**
     * An employee has left: their places at sessions after their last day are cancelled and the waitlists move up.
     * Runs in the projection's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void departed(String employeeNumber, LocalDate lastDay) {
        OffsetDateTime after = lastDay.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<Booking> upcoming = bookings.upcoming(employeeNumber, after);
        if (upcoming.isEmpty()) {
            return;
        }
        employees.lockBookings(employeeNumber);
        Map<UUID, List<Booking>> bySession = new TreeMap<>();
        upcoming.forEach(b -> bySession.computeIfAbsent(b.sessionId, k -> new ArrayList<>()).add(b));
        List<Session> locked = bySession.keySet().stream().map(this::session).toList();
        locked.forEach(sessions::lock);
        for (Session session : locked) {
            for (Booking booking : bySession.get(session.id)) {
                bookings.getEntityManager().refresh(booking);
                if (booking.is(Booking.Status.BOOKED) || booking.is(Booking.Status.WAITLISTED)) {
                    cancelOne(booking, session, "LEFT");
                }
            }
            promote(session);
        }
    }

    /** Cancels a session's bookings and waitlist, telling each (an event per booking). The session is locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void cancelAll(Session session) {
        for (Booking booking : bookings.open(session.id)) {
            cancelOne(booking, session, "SESSION_CANCELLED");
        }
    }

    /** Fills free seats from the waitlist, first come first, skipping those whose workplace is at its cap. */
    @Transactional(Transactional.TxType.MANDATORY)
    void promote(Session session) {
        int free = session.capacity - bookings.seated(session.id);
        for (Booking waiting : bookings.waitlist(session.id)) {
            if (free <= 0) {
                return;
            }
            settings.lockStaffing(waiting.unitCode);
            if (!session.startsAt.isAfter(OffsetDateTime.now(clock)) || capFor(waiting.unitCode, session)
                    .allows(bookings.away(waiting.unitCode, session.startsAt, session.endsAt), 1)) {
                waiting.status = Booking.Status.BOOKED.name();
                waiting.updatedAt = OffsetDateTime.now(clock);
                bookings.flush();
                events.booking(waiting, session, "PROMOTED");
                free--;
            }
        }
    }

    private List<Booking> place(Session session, List<Employee> people, Booking.Status status) {
        // a session that has begun is registered afterwards, as it was held: the cap plans absences, it can't undo them
        if (status == Booking.Status.BOOKED && session.startsAt.isAfter(OffsetDateTime.now(clock))) {
            Map<String, Integer> byUnit = new TreeMap<>();
            people.forEach(p -> byUnit.merge(p.unitCode, 1, Integer::sum));
            byUnit.forEach((unit, count) -> withinCap(unit, count, session));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Booking> placed = new ArrayList<>();
        for (Employee person : people) {
            Booking booking = new Booking();
            booking.id = UUID.randomUUID();
            booking.sessionId = session.id;
            booking.moduleCode = session.moduleCode;
            booking.employeeNumber = person.employeeNumber;
            booking.unitCode = person.unitCode;
            booking.status = status.name();
            booking.arrival = bookings.nextArrival();
            booking.bookedBy = access.name();
            booking.createdAt = now;
            booking.updatedAt = now;
            bookings.persist(booking);
            placed.add(booking);
        }
        bookings.flush();
        placed.forEach(b -> events.booking(b, session, status.name()));
        return placed;
    }

    private void cancelOne(Booking booking, Session session, String reason) {
        booking.status = Booking.Status.CANCELLED.name();
        booking.cancelReason = reason;
        booking.updatedAt = OffsetDateTime.now(clock);
        bookings.flush();
        events.booking(booking, session, reason);
    }

    /** Refuses, naming the unit and how many are already away, when {@code count} more would break its cap. */
    private void withinCap(String unitCode, int count, Session session) {
        settings.lockStaffing(unitCode);
        int away = bookings.away(unitCode, session.startsAt, session.endsAt);
        StaffingCap cap = capFor(unitCode, session);
        if (!cap.allows(away, count)) {
            String message = "unit " + unitCode + ": " + away + " of " + cap.staff()
                    + " staff are already booked into sessions at that time; at most " + cap.limit() + " ("
                    + cap.percent() + " %) may be away at once";
            throw new ProblemException(ProblemType.CONFLICT, message,
                    List.of(new Problem.Violation("unit:" + unitCode, "StaffingCap", message)));
        }
    }

    private StaffingCap capFor(String unitCode, Session session) {
        int percent = settings.findByIdOptional(unitCode).map(s -> s.awayCapPercent)
                .orElse(config.defaultAwayCapPercent());
        return new StaffingCap(employees.staffOn(unitCode, day(session)), percent);
    }

    /** What makes an employee unable to take a place at the session; in warn mode, the module order only warns. */
    private List<String> eligible(Session session, Employee employee, String field) {
        requirePlanned(session);
        if (!session.startsAt.isAfter(OffsetDateTime.now(clock)) && !access.isProjectLead()) {
            throw refusal(field, "NotStarted", "the session has started; only the project lead registers late bookings");
        }
        if (!employee.activeOn(day(session))) {
            throw refusal(field, "Employed", "employee " + employee.employeeNumber + " is not employed on "
                    + day(session));
        }
        WorkshopModule module = modules.findById(session.moduleCode);
        if (!inAudience(module, employee)) {
            throw refusal(field, "Audience", "module " + module.code + " is for " + module.audience.toLowerCase()
                    + "; employee " + employee.employeeNumber + " is not in its audience");
        }
        bookings.holding(employee.employeeNumber, module.code).ifPresent(held -> {
            throw refusal(field, "OneBookingPerModule", "employee " + employee.employeeNumber
                    + " already holds booking " + held.id + " of module " + module.code);
        });
        if (module.follows != null && !ModuleOrder.satisfied(bookings.priors(employee.employeeNumber, module.follows),
                session.startsAt)) {
            String message = "module " + module.code + " follows " + module.follows + ": employee "
                    + employee.employeeNumber + " has not attended it, nor booked it before this session";
            if (config.moduleOrder() == WorkshopsConfig.ModuleOrderMode.REFUSE) {
                throw refusal(field, "ModuleOrder", message);
            }
            return List.of(message);
        }
        return List.of();
    }

    private boolean inAudience(WorkshopModule module, Employee employee) {
        return switch (module.audience) {
            case "MANAGERS" -> units.isManager(employee.employeeNumber);
            case "UNITS" -> units.subtrees(java.util.Set.of(module.audienceUnits)).contains(employee.unitCode);
            default -> true;
        };
    }

    private static void requirePlanned(Session session) {
        if (!session.is(Session.Status.PLANNED)) {
            throw ProblemException.conflict("session " + session.id + " is " + session.status.toLowerCase());
        }
    }

    private Session session(UUID id) {
        return sessions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("session " + id));
    }

    private LocalDate day(Session session) {
        return session.startsAt.atZoneSameInstant(clock.getZone()).toLocalDate();
    }

    private static ProblemException refusal(String field, String rule, String message) {
        return new ProblemException(ProblemType.CONFLICT, message, List.of(new Problem.Violation(field, rule, message)));
    }
}
