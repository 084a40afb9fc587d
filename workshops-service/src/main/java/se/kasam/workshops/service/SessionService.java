package se.kasam.workshops.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.Session;
import se.kasam.workshops.mapping.SessionInput;
import se.kasam.workshops.mapping.SessionView;
import se.kasam.workshops.repository.BookingRepository;
import se.kasam.workshops.repository.EmployeeRepository;
import se.kasam.workshops.repository.ModuleRepository;
import se.kasam.workshops.repository.SessionRepository;

/** Sessions planned and cancelled by the project lead; read by everyone who books them. */
@ApplicationScoped
public class SessionService {
    @Inject
    Clock clock;

    @Inject
    SessionRepository sessions;

    @Inject
    ModuleRepository modules;

    @Inject
    EmployeeRepository employees;

    @Inject
    BookingRepository bookings;

    @Inject
    BookingService bookingService;

    @Inject
    WorkshopEvents events;

    @Transactional
    public SessionView create(SessionInput input) {
        if (modules.findById(input.moduleCode()) == null) {
            throw ProblemException.invalid("moduleCode", "Exists", "no module " + input.moduleCode());
        }
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ProblemException.invalid("endsAt", "AfterStart", "a session ends after it starts");
        }
        if (input.startsAt().plusHours(24).isBefore(input.endsAt())) {
            throw ProblemException.invalid("endsAt", "SameDay", "a session lasts at most 24 hours");
        }
        if ((input.latitude() == null) != (input.longitude() == null)) {
            throw ProblemException.invalid("longitude", "Location", "a location has both latitude and longitude");
        }
        List<String> facilitators = Objects.requireNonNullElse(input.facilitators(), List.of());
        for (int i = 0; i < facilitators.size(); i++) {
            if (employees.findById(facilitators.get(i)) == null) {
                throw ProblemException.invalid("facilitators[" + i + "]", "Exists", "no employee " + facilitators.get(i));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.moduleCode = input.moduleCode();
        session.startsAt = input.startsAt();
        session.endsAt = input.endsAt();
        session.placeName = input.placeName();
        session.latitude = input.latitude();
        session.longitude = input.longitude();
        session.capacity = input.capacity();
        session.status = Session.Status.PLANNED.name();
        session.facilitators = new LinkedHashSet<>(facilitators);
        session.createdAt = now;
        session.updatedAt = now;
        sessions.persistAndFlush(session);
        events.session(session);
        return view(session);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SessionView> list(String moduleCode, String fromText, String toText, String status, PageRequest page) {
        OffsetDateTime from = QueryValues.time("from", fromText);
        OffsetDateTime to = QueryValues.time("to", toText);
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (moduleCode != null) {
            where.add("moduleCode = :module");
            parameters.and("module", moduleCode);
        }
        if (from != null) {
            where.add("endsAt > :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("startsAt < :to");
            parameters.and("to", to);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Page.of(sessions.find(query, Sort.by("startsAt").and("id"), parameters), page).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView get(UUID id) {
        return view(find(id));
    }

    /** Cancels a planned session: its bookings are freed and its waitlist told, each by an event. */
    @Transactional
    public SessionView cancel(UUID id) {
        Session session = find(id);
        sessions.lock(session);
        if (!session.is(Session.Status.PLANNED)) {
            throw ProblemException.conflict("session " + id + " is " + session.status.toLowerCase());
        }
        session.status = Session.Status.CANCELLED.name();
        session.updatedAt = OffsetDateTime.now(clock);
        bookingService.cancelAll(session);
        sessions.flush();
        events.session(session);
        return view(session);
    }

    Session find(UUID id) {
        return sessions.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("session " + id));
    }

    SessionView view(Session s) {
        return new SessionView(s.id, s.moduleCode, s.startsAt, s.endsAt, s.placeName, s.latitude, s.longitude,
                s.capacity, bookings.seated(s.id), bookings.waitlisted(s.id), s.status,
                List.copyOf(s.facilitators), s.version);
    }
}
