package se.kasam.survey.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.survey.Instrument;
import se.kasam.survey.mapping.InstrumentView;
import se.kasam.survey.repository.InstrumentRepository;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InstrumentService {
    @Inject
    InstrumentRepository instruments;

    public Page<InstrumentView> list(PageRequest page) {
        return Page.of(instruments.findAll(Sort.by("code")), page).map(InstrumentView::of);
    }

    public InstrumentView get(String code) {
        Instrument instrument = instruments.findById(code);
        if (instrument == null) {
            throw ProblemException.notFound("instrument " + code);
        }
        return InstrumentView.of(instrument);
    }
}
