package se.kasam.workshops.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.WorkshopModule;
import se.kasam.workshops.mapping.WorkshopModuleView;
import se.kasam.workshops.repository.WorkshopModuleRepository;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkshopModuleService {
    @Inject
    WorkshopModuleRepository modules;

    public Page<WorkshopModuleView> list(PageRequest page) {
        return Page.of(modules.findAll(Sort.by("ordinal")), page).map(WorkshopModuleView::of);
    }

    public WorkshopModuleView get(String code) {
        WorkshopModule module = modules.findById(code);
        if (module == null) {
            throw ProblemException.notFound("workshop module " + code);
        }
        return WorkshopModuleView.of(module);
    }
}
