package se.kasam.survey.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.platform.disclosure.Policy;
import se.kasam.survey.config.SurveyConfig;
import se.kasam.survey.mapping.InstrumentRef;
import se.kasam.survey.repository.ReportRepository;
import se.kasam.survey.repository.ReportRepository.RespondentValues;
import se.kasam.survey.repository.RoundRepository;
import se.kasam.survey.rules.Demography;
import se.kasam.survey.rules.InstrumentDefinition;
import se.kasam.survey.rules.RoundPublication;
import se.kasam.survey.rules.RoundPublication.Measure;
import se.kasam.survey.rules.Scoring;
import se.kasam.survey.rules.TextGroups;

/**
 * Computes a closing round's protected publication once, over every cell a report can show, and the groups its free
 * texts may be shown in. Reports answer from it and from nothing else.
 */
@ApplicationScoped
public class Publisher {
    @Inject
    SurveyConfig config;

    @Inject
    RoundRepository rounds;

    @Inject
    ReportRepository reports;

    @Inject
    InstrumentService instruments;

    Policy policy() {
        return new Policy(config.minRespondents() - 1, 0, config.protectionInterval());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(UUID round) {
        Map<String, String> tree = rounds.tree(round);
        List<Demography> atoms = reports.storedTuples(round);
        Map<Demography, Integer> atomIndex = new HashMap<>();
        for (int i = 0; i < atoms.size(); i++) {
            atomIndex.put(atoms.get(i), i);
        }
        for (InstrumentRef ref : rounds.instruments(round)) {
            InstrumentDefinition definition = instruments.definition(ref.code(), ref.version());
            List<Measure> measures = measures(definition);
            List<RoundPublication.Respondent> respondents = new ArrayList<>();
            for (RespondentValues r : reports.respondents(round, ref.code())) {
                Double[] values = new Double[measures.size()];
                for (int m = 0; m < measures.size(); m++) {
                    values[m] = r.values().get(measures.get(m).key());
                }
                respondents.add(new RoundPublication.Respondent(atomIndex.get(r.demography()), values));
            }
            reports.writeCells(round, ref.code(), RoundPublication.protect(tree, atoms, measures, respondents, policy(),
                    config.distributionMinRespondents()));
        }
        reports.setTextGroups(round, TextGroups.groups(tree, reports.respondentsByUnit(round), config.freeTextMinRespondents()));
    }

    /** The measures of an instrument: its total, its subscales, then each scale item ("item:id"). */
    static List<Measure> measures(InstrumentDefinition definition) {
        List<Measure> measures = new ArrayList<>();
        Scoring.ranges(definition).forEach((key, range) -> measures.add(new Measure(key, range.min(), range.max(), false)));
        definition.scaleItems().forEach(item -> measures.add(
                new Measure("item:" + item.id(), item.scale().min(), item.scale().max(), true)));
        return measures;
    }
}
