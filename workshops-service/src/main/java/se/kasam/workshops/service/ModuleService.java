package se.kasam.workshops.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.platform.problem.ProblemException;
import se.kasam.workshops.WorkshopModule;
import se.kasam.workshops.mapping.ModuleInput;
import se.kasam.workshops.mapping.ModuleView;
import se.kasam.workshops.repository.ModuleRepository;
import se.kasam.workshops.repository.UnitRepository;

@ApplicationScoped
public class ModuleService {
    @Inject
    ModuleRepository modules;

    @Inject
    UnitRepository units;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ModuleView> list(PageRequest page) {
        return Page.of(modules.findAll(Sort.by("ordinal")), page).map(ModuleView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ModuleView get(String code) {
        return ModuleView.of(find(code));
    }

    @Transactional
    public ModuleView create(ModuleInput input) {
        if (modules.findById(input.code()) != null) {
            throw ProblemException.conflict("module " + input.code() + " exists");
        }
        if (modules.count("ordinal", input.ordinal()) > 0) {
            throw ProblemException.invalid("ordinal", "Unique", "another module has ordinal " + input.ordinal());
        }
        if (input.follows() != null && modules.findById(input.follows()) == null) {
            throw ProblemException.invalid("follows", "Exists", "no module " + input.follows());
        }
        List<String> audienceUnits = Objects.requireNonNullElse(input.audienceUnits(), List.of());
        if (input.audience().equals("UNITS") == audienceUnits.isEmpty()) {
            throw ProblemException.invalid("audienceUnits", "Audience",
                    "audience UNITS names its units; ALL and MANAGERS name none");
        }
        for (int i = 0; i < audienceUnits.size(); i++) {
            if (units.findById(audienceUnits.get(i)) == null) {
                throw ProblemException.invalid("audienceUnits[" + i + "]", "Exists", "no unit " + audienceUnits.get(i));
            }
        }
        WorkshopModule module = new WorkshopModule();
        module.code = input.code();
        module.ordinal = input.ordinal();
        module.title = input.title();
        module.theme = input.theme();
        module.hours = input.hours();
        module.audience = input.audience();
        module.audienceUnits = audienceUnits.toArray(String[]::new);
        module.follows = input.follows();
        modules.persistAndFlush(module);
        return ModuleView.of(module);
    }

    WorkshopModule find(String code) {
        WorkshopModule module = modules.findById(code);
        if (module == null) {
            throw ProblemException.notFound("workshop module " + code);
        }
        return module;
    }
}
