package se.kasam.workshops.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.Employee;
import se.kasam.workshops.TrioGroup;
import se.kasam.workshops.TrioMeeting;
import se.kasam.workshops.WorkplaceActivity;
import se.kasam.workshops.mapping.TrioMeetingInput;
import se.kasam.workshops.mapping.TrioMeetingView;
import se.kasam.workshops.mapping.WorkplaceActivityInput;
import se.kasam.workshops.mapping.WorkplaceActivityView;
import se.kasam.workshops.repository.EmployeeRepository;
import se.kasam.workshops.repository.TrioGroupRepository;
import se.kasam.workshops.repository.TrioMeetingRepository;
import se.kasam.workshops.repository.UnitRepository;
import se.kasam.workshops.repository.WorkplaceActivityRepository;

/**
 * The programme's activities besides the workshops: trio groups' meetings, recorded by a member, and the
 * health-promoting workplace meetings and development talks a manager holds. Both count in participation and hours.
 */
@ApplicationScoped
public class ActivityService {
    public static final String TRIO_MEETING = "TRIO_MEETING";

    @Inject
    Clock clock;

    @Inject
    WorkshopsAccess access;

    @Inject
    TrioGroupRepository trioGroups;

    @Inject
    TrioMeetingRepository meetings;

    @Inject
    WorkplaceActivityRepository activities;

    @Inject
    EmployeeRepository employees;

    @Inject
    UnitRepository units;

    @Inject
    HourLedger ledger;

    @Transactional
    public TrioMeetingView recordMeeting(long groupId, TrioMeetingInput input) {
        TrioGroup group = group(groupId);
        Set<String> present = distinct(input.present(), "present");
        for (String number : present) {
            if (!group.hasMember(number)) {
                throw ProblemException.invalid("present", "Member", number + " is not a member of trio group " + groupId);
            }
        }
        TrioMeeting meeting = new TrioMeeting();
        meeting.id = UUID.randomUUID();
        meeting.trioGroupId = groupId;
        meeting.metOn = input.date();
        meeting.minutes = input.minutes();
        meeting.present = present.toArray(String[]::new);
        meeting.recordedBy = access.name();
        meeting.recordedAt = OffsetDateTime.now(clock);
        meetings.persist(meeting);
        record(present, TRIO_MEETING, meeting.id, input.date(), input.minutes());
        return TrioMeetingView.of(meeting);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TrioMeetingView> meetings(long groupId) {
        return meetings.ofGroups(List.of(group(groupId).id)).stream().map(TrioMeetingView::of).toList();
    }

    @Transactional
    public WorkplaceActivityView recordActivity(String unitCode, WorkplaceActivityInput input) {
        if (units.findById(unitCode) == null) {
            throw ProblemException.notFound("unit " + unitCode);
        }
        access.unit(unitCode);
        Set<String> staff = units.subtrees(Set.of(unitCode));
        Set<String> attendees = distinct(input.attendees(), "attendees");
        for (String number : attendees) {
            Employee employee = employees.findById(number);
            if (employee == null || !staff.contains(employee.unitCode) || !employee.activeOn(input.date())) {
                throw ProblemException.invalid("attendees", "Staff", number + " is not on the staff of unit "
                        + unitCode + " on " + input.date());
            }
        }
        WorkplaceActivity activity = new WorkplaceActivity();
        activity.id = UUID.randomUUID();
        activity.unitCode = unitCode;
        activity.kind = input.kind();
        activity.theme = input.theme();
        activity.heldOn = input.date();
        activity.minutes = input.minutes();
        activity.attendees = attendees.toArray(String[]::new);
        activity.recordedBy = access.name();
        activity.recordedAt = OffsetDateTime.now(clock);
        activities.persist(activity);
        record(attendees, input.kind(), activity.id, input.date(), input.minutes());
        return WorkplaceActivityView.of(activity);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WorkplaceActivityView> activities(String unitCode, PageRequest page) {
        if (units.findById(unitCode) == null) {
            throw ProblemException.notFound("unit " + unitCode);
        }
        access.unit(unitCode);
        return Page.of(activities.find("unitCode", Sort.by("heldOn").descending().and("id"), unitCode), page)
                .map(WorkplaceActivityView::of);
    }

    private TrioGroup group(long groupId) {
        TrioGroup group = trioGroups.findByIdOptional(groupId)
                .orElseThrow(() -> ProblemException.notFound("trio group " + groupId));
        access.memberOf(group);
        return group;
    }

    private void record(Set<String> people, String activity, UUID sourceId, LocalDate day, int minutes) {
        BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        for (Employee employee : employees.byNumbers(people)) {
            ledger.set(employee, activity, sourceId, day, hours);
        }
    }

    private static Set<String> distinct(List<String> numbers, String field) {
        Set<String> set = new LinkedHashSet<>(numbers);
        if (set.size() != numbers.size()) {
            throw ProblemException.invalid(field, "Unique", "an employee is named twice");
        }
        return set;
    }
}
