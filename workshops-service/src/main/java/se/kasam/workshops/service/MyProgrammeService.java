package se.kasam.workshops.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.Booking;
import se.kasam.workshops.Session;
import se.kasam.workshops.TrioGroup;
import se.kasam.workshops.WorkshopModule;
import se.kasam.workshops.mapping.MyProgrammeView;
import se.kasam.workshops.mapping.TrioMeetingView;
import se.kasam.workshops.repository.BookingRepository;
import se.kasam.workshops.repository.HourRepository;
import se.kasam.workshops.repository.ModuleRepository;
import se.kasam.workshops.repository.SessionRepository;
import se.kasam.workshops.repository.TrioGroupRepository;
import se.kasam.workshops.repository.TrioMeetingRepository;

/** GET /me: the caller's bookings, waitlist places, attended modules, trio meetings and hours. */
@ApplicationScoped
public class MyProgrammeService {
    @Inject
    WorkshopsAccess access;

    @Inject
    BookingRepository bookings;

    @Inject
    SessionRepository sessions;

    @Inject
    ModuleRepository modules;

    @Inject
    TrioGroupRepository trioGroups;

    @Inject
    TrioMeetingRepository meetings;

    @Inject
    HourRepository hours;

    @Inject
    se.kasam.workshops.repository.UnavailableDayRepository unavailable;

    @Inject
    java.time.Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public se.kasam.workshops.mapping.UnavailableDays unavailableDays() {
        String me = access.self().orElseThrow(() -> ProblemException.notFound("this login's employee"));
        return new se.kasam.workshops.mapping.UnavailableDays(unavailable.of(me, java.time.LocalDate.now(clock)));
    }

    /** The caller's days from today on, replaced; past days cannot be given. */
    @Transactional
    public se.kasam.workshops.mapping.UnavailableDays setUnavailableDays(se.kasam.workshops.mapping.UnavailableDays days) {
        String me = access.self().orElseThrow(() -> ProblemException.notFound("this login's employee"));
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        for (int i = 0; i < days.days().size(); i++) {
            if (days.days().get(i).isBefore(today)) {
                throw ProblemException.invalid("days[" + i + "]", "FutureOrPresent", "a day from today on");
            }
        }
        unavailable.replace(me, today, days.days().stream().distinct().sorted().toList());
        return unavailableDays();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MyProgrammeView mine() {
        String me = access.self().orElseThrow(() -> ProblemException.notFound("this login's employee"));
        Map<String, WorkshopModule> byCode = modules.listAll().stream()
                .collect(Collectors.toMap(m -> m.code, Function.identity()));
        List<Booking> mine = bookings.ofEmployee(me);
        Map<java.util.UUID, Session> sessionOf = mine.isEmpty() ? Map.of()
                : sessions.list("id in ?1", mine.stream().map(b -> b.sessionId).distinct().toList()).stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<MyProgrammeView.MyBooking> rows = mine.stream()
                .sorted(Comparator.comparing(b -> sessionOf.get(b.sessionId).startsAt))
                .map(b -> {
                    Session s = sessionOf.get(b.sessionId);
                    return new MyProgrammeView.MyBooking(b.id, s.id, b.moduleCode, byCode.get(b.moduleCode).title,
                            s.startsAt, s.endsAt, s.placeName, b.status,
                            b.is(Booking.Status.WAITLISTED) ? bookings.waitlistPosition(b) : null, b.hours);
                }).toList();
        List<String> attended = mine.stream().filter(b -> b.is(Booking.Status.ATTENDED)).map(b -> b.moduleCode)
                .distinct().sorted(Comparator.comparing(code -> byCode.get(code).ordinal)).toList();
        List<TrioGroup> groups = trioGroups.of(me);
        List<TrioMeetingView> trioMeetings = meetings.ofGroups(groups.stream().map(g -> g.id).toList()).stream()
                .map(TrioMeetingView::of).toList();
        List<MyProgrammeView.ActivityHours> byActivity = hours.byActivity(me).stream()
                .map(r -> new MyProgrammeView.ActivityHours((String) r[0], (BigDecimal) r[1])).toList();
        BigDecimal total = byActivity.stream().map(MyProgrammeView.ActivityHours::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MyProgrammeView(me, rows, attended,
                groups.stream().map(g -> new MyProgrammeView.MyTrioGroup(g.id, g.unitCode, List.of(g.members))).toList(),
                trioMeetings, total, byActivity);
    }
}
