package se.kasam.survey.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.Problem;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.problem.ProblemType;
import se.kasam.platform.web.Versions;
import se.kasam.survey.Instrument;
import se.kasam.survey.mapping.InstrumentView;
import se.kasam.survey.repository.InstrumentRepository;
import se.kasam.survey.rules.InstrumentDefinition;
import se.kasam.survey.rules.InstrumentRules;

/**
 * Instruments as versioned data. A version no round uses may be edited (If-Match on its revision); one in use is
 * fixed, and a change becomes a new version. The revision counts every change of an instrument, over its versions.
 */
@ApplicationScoped
@Transactional
public class InstrumentService {
    @Inject
    InstrumentRepository instruments;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InstrumentView> list(PageRequest page) {
        List<Instrument> all = instruments.latest();
        int from = Math.min(page.page * page.size, all.size());
        return Page.of(all.subList(from, Math.min(from + page.size, all.size())).stream().map(this::view).toList(),
                page, all.size());
    }

    /** @param version null for the newest */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InstrumentView get(String code, Integer version) {
        return view(find(code, version));
    }

    /** The definition a round's version has; the version must exist. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InstrumentDefinition definition(String code, int version) {
        return parse(find(code, version));
    }

    public InstrumentView create(InstrumentDefinition definition) {
        check(definition);
        if (instruments.latest(definition.code()).isPresent()) {
            throw ProblemException.conflict("instrument " + definition.code() + " exists: change it with PUT or add a version");
        }
        return view(store(definition, 1, 1));
    }

    public InstrumentView replace(String code, String ifMatch, InstrumentDefinition definition) {
        Instrument latest = find(code, null);
        Versions.requireMatch(ifMatch, latest.revision);
        check(definition);
        samePath(code, definition);
        if (instruments.inUse(code, latest.version)) {
            throw ProblemException.conflict("version " + latest.version + " of " + code
                    + " is used by a survey round and cannot change: add a new version (POST /api/surveys/instruments/"
                    + code + "/versions)");
        }
        latest.definition = write(definition);
        latest.revision++;
        latest.updatedAt = OffsetDateTime.now(clock);
        return view(latest);
    }

    public InstrumentView addVersion(String code, InstrumentDefinition definition) {
        Instrument latest = find(code, null);
        check(definition);
        samePath(code, definition);
        return view(store(definition, latest.version + 1, latest.revision + 1));
    }

    private Instrument store(InstrumentDefinition definition, int version, int revision) {
        Instrument instrument = new Instrument();
        instrument.code = definition.code();
        instrument.version = version;
        instrument.revision = revision;
        instrument.definition = write(definition);
        instrument.createdAt = OffsetDateTime.now(clock);
        instrument.updatedAt = instrument.createdAt;
        instruments.persist(instrument);
        return instrument;
    }

    private Instrument find(String code, Integer version) {
        return (version == null ? instruments.latest(code) : instruments.version(code, version))
                .orElseThrow(() -> ProblemException.notFound("instrument " + code + (version == null ? "" : " version " + version)));
    }

    private static void check(InstrumentDefinition definition) {
        List<Problem.Violation> errors = InstrumentRules.check(definition);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "the instrument breaks " + errors.size() + " rule(s)", errors);
        }
    }

    private static void samePath(String code, InstrumentDefinition definition) {
        if (!code.equals(definition.code())) {
            throw ProblemException.invalid("code", "PathMatch", "the body's code must be the path's, " + code);
        }
    }

    private InstrumentView view(Instrument i) {
        return new InstrumentView(i.code, i.version, i.revision, instruments.inUse(i.code, i.version), parse(i));
    }

    InstrumentDefinition parse(Instrument i) {
        try {
            return json.readValue(i.definition, InstrumentDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored instrument " + i.code + " v" + i.version + " cannot be read", e);
        }
    }

    String write(InstrumentDefinition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
