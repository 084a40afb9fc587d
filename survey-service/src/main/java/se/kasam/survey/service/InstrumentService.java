package se.kasam.survey.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import se.kasam.platform.problem.ProblemException;
import se.kasam.survey.Instrument;
import se.kasam.survey.mapping.InstrumentView;
import se.kasam.survey.repository.InstrumentRepository;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InstrumentService {
    @Inject
    InstrumentRepository instruments;

    public List<InstrumentView> list() {
        return instruments.listAll(Sort.by("code")).stream().map(InstrumentView::of).toList();
    }

    public InstrumentView get(String code) {
        Instrument instrument = instruments.findById(code);
        if (instrument == null) {
            throw ProblemException.notFound("instrument " + code);
        }
        return InstrumentView.of(instrument);
    }
}
