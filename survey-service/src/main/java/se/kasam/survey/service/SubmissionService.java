package se.kasam.survey.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.survey.Draft;
import se.kasam.survey.Invitation;
import se.kasam.survey.SurveyRound;
import se.kasam.survey.mapping.Answer;
import se.kasam.survey.mapping.AnswersInput;
import se.kasam.survey.mapping.ImportReport;
import se.kasam.survey.mapping.ImportedResponse;
import se.kasam.survey.mapping.InstrumentRef;
import se.kasam.survey.mapping.InvitationView;
import se.kasam.survey.repository.DraftRepository;
import se.kasam.survey.repository.InvitationRepository;
import se.kasam.survey.repository.ResponseRepository;
import se.kasam.survey.repository.RoundRepository;
import se.kasam.survey.rules.AnswerRules;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.InstrumentDefinition;
import se.kasam.survey.rules.Pseudonym;
import se.kasam.survey.rules.StoredResponse;

/**
 * An invitee's answers: a draft is theirs until they submit; at submit the answers become an anonymous pending
 * response (the day, the pseudonym, the generalised demographics), the invitation records only that it was answered
 * and the draft is deleted. Once only, and only while the round is open.
 */
@ApplicationScoped
@Transactional
public class SubmissionService {
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {
    };

    @Inject
    Clock clock;

    @Inject
    InvitationRepository invitations;

    @Inject
    DraftRepository drafts;

    @Inject
    RoundRepository rounds;

    @Inject
    ResponseRepository responses;

    @Inject
    InstrumentService instruments;

    @Inject
    Pseudonym pseudonym;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> mine(String employee) {
        return invitations.ofEmployee(employee).stream().map(i -> view(i, false))
                .sorted(java.util.Comparator.comparing(InvitationView::opensAt).reversed()).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InvitationView get(UUID id, String employee) {
        return view(invitations.own(id, employee).orElseThrow(() -> ProblemException.notFound("invitation " + id)), true);
    }

    public InvitationView saveDraft(UUID id, String employee, AnswersInput input) {
        Invitation invitation = invitations.lockOwn(id, employee).orElseThrow(() -> ProblemException.notFound("invitation " + id));
        requireAnswerable(invitation);
        check(invitation.roundId, "", input.answers(), false);
        Draft draft = drafts.findById(id);
        if (draft == null) {
            draft = new Draft();
            draft.invitationId = id;
        }
        draft.answers = write(input.answers());
        draft.savedAt = OffsetDateTime.now(clock);
        drafts.persist(draft);
        return view(invitation, true);
    }

    public void submit(UUID id, String employee, AnswersInput input) {
        Invitation invitation = invitations.lockOwn(id, employee).orElseThrow(() -> ProblemException.notFound("invitation " + id));
        requireAnswerable(invitation);
        check(invitation.roundId, "", input.answers(), true);
        store(invitation, input.answers(), LocalDate.now(clock),
                rounds.storedAs(invitation.roundId, invitation.unitCode, invitation.legalGender, invitation.ageBand));
    }

    /** Answers given outside the platform, for invitees of an open round: all of them, or none on any error. */
    public ImportReport importResponses(UUID roundId, List<ImportedResponse> imported) {
        SurveyRound round = rounds.findById(roundId);
        if (round == null) {
            throw ProblemException.notFound("round " + roundId);
        }
        if (round.status != SurveyRound.Status.OPEN) {
            throw ProblemException.conflict("round " + round.name + " is " + round.status + ": responses are imported while it is open");
        }
        List<Violation> errors = new ArrayList<>();
        List<Invitation> found = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            ImportedResponse r = imported.get(i);
            String at = "[" + i + "]";
            var invitation = invitations.lockOf(roundId, r.employeeNumber());
            if (invitation.isEmpty()) {
                errors.add(new Violation(at + ".employeeNumber", "Invited", "employee " + r.employeeNumber() + " is not invited to this round"));
            } else if (invitation.get().answered || found.contains(invitation.get())) {
                errors.add(new Violation(at + ".employeeNumber", "NotAnswered", "employee " + r.employeeNumber() + " has answered already"));
            } else if (r.submittedOn().isAfter(LocalDate.now(clock))) {
                errors.add(new Violation(at + ".submittedOn", "PastOrPresent", "a response cannot be from the future"));
            }
            errors.addAll(violations(roundId, at + ".", r.answers(), true));
            invitation.ifPresent(found::add);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "the import breaks " + errors.size() + " rule(s); nothing was imported", errors);
        }
        Map<Demography, Demography> classes = rounds.classes(roundId);
        for (int i = 0; i < imported.size(); i++) {
            Invitation invitation = found.get(i);
            store(invitation, imported.get(i).answers(), imported.get(i).submittedOn(),
                    classes.get(new Demography(invitation.unitCode, invitation.legalGender, invitation.ageBand)));
        }
        return new ImportReport(imported.size());
    }

    private void store(Invitation invitation, List<Answer> answers, LocalDate day, Demography stored) {
        List<StoredResponse.Value> values = new ArrayList<>();
        List<StoredResponse.Text> texts = new ArrayList<>();
        for (Answer a : answers) {
            if (a.value() != null) {
                values.add(new StoredResponse.Value(a.instrument(), a.item(), a.value()));
            } else {
                texts.add(new StoredResponse.Text(a.instrument(), a.item(), a.text().strip()));
            }
        }
        responses.addPending(invitation.roundId, new StoredResponse(day, pseudonym.of(invitation.employeeNumber), stored,
                values, texts, List.of()));
        invitation.answered = true;
        drafts.deleteById(invitation.id);
    }

    private void requireAnswerable(Invitation invitation) {
        SurveyRound round = rounds.findById(invitation.roundId);
        if (invitation.answered) {
            throw ProblemException.conflict("this invitation has been answered; an answer is submitted once");
        }
        if (round.status != SurveyRound.Status.OPEN || !OffsetDateTime.now(clock).isBefore(round.closesAt)) {
            throw ProblemException.conflict("round " + round.name + " is not open for answers");
        }
    }

    private void check(UUID round, String prefix, List<Answer> answers, boolean submit) {
        List<Violation> errors = violations(round, prefix, answers, submit);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "the answers break " + errors.size() + " rule(s)", errors);
        }
    }

    private List<Violation> violations(UUID round, String prefix, List<Answer> answers, boolean submit) {
        Map<String, InstrumentDefinition> definitions = new LinkedHashMap<>();
        for (InstrumentRef ref : rounds.instruments(round)) {
            definitions.put(ref.code(), instruments.definition(ref.code(), ref.version()));
        }
        return AnswerRules.check(definitions, answers.stream()
                        .map(a -> new AnswerRules.Given(a.instrument(), a.item(), a.value(), a.text())).toList(), submit)
                .stream().map(v -> new Violation(prefix + v.field(), v.rule(), v.message())).toList();
    }

    private InvitationView view(Invitation i, boolean withDraft) {
        SurveyRound round = rounds.findById(i.roundId);
        Draft draft = i.answered ? null : drafts.findById(i.id);
        return new InvitationView(i.id, round.id, round.name, round.status, round.opensAt, round.closesAt,
                rounds.instruments(round.id), i.answered, draft == null ? null : draft.savedAt,
                withDraft && draft != null ? read(draft.answers) : List.of());
    }

    private String write(List<Answer> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private List<Answer> read(String answers) {
        try {
            return json.readValue(answers, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored draft cannot be read", e);
        }
    }
}
