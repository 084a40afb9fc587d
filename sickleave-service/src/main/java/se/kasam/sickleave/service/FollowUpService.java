package se.kasam.sickleave.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.kasam.platform.outbox.Outbox;
import se.kasam.sickleave.FollowUp;
import se.kasam.sickleave.config.SickleaveConfig;
import se.kasam.sickleave.mapping.FollowUpChanged;
import se.kasam.sickleave.repository.FactRepository.Inputs;
import se.kasam.sickleave.repository.FollowUpRepository;
import se.kasam.sickleave.rules.FollowUpRules;
import se.kasam.sickleave.rules.FollowUpRules.Signal;

/** Keeps the stored signals equal to what the rules say of the current spells; publishes each one raised or withdrawn. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FollowUpService {
    @Inject
    Clock clock;

    @Inject
    FollowUpRepository followUps;

    @Inject
    Outbox outbox;

    @Inject
    SickleaveConfig config;

    public void update(Map<String, Inputs> inputs, LocalDate today) {
        FollowUpRules rules = new FollowUpRules(config.repeatedAbsenceThreshold());
        Map<String, FollowUp> stored = new HashMap<>();
        followUps.ofEmployees(inputs.keySet())
                .forEach(f -> stored.put(key(f.employeeNumber, f.kind, f.dueOn), f));
        List<Outbox.Pending> events = new ArrayList<>();
        inputs.forEach((employee, in) -> {
            if (in.basis == null || in.history.isEmpty()) {
                return;
            }
            String unit = in.history.getLast().unitCode();
            for (Signal signal : rules.signals(in.followUpSpells, today)) {
                if (stored.remove(key(employee, signal.kind(), signal.dueOn())) == null) {
                    FollowUp f = raise(employee, signal);
                    events.add(event(f, unit, false));
                }
            }
        });
        for (FollowUp gone : stored.values()) {
            Inputs in = inputs.get(gone.employeeNumber);
            followUps.delete(gone);
            events.add(event(gone, in == null || in.history.isEmpty() ? null : in.history.getLast().unitCode(), true));
        }
        outbox.publishAll(FollowUpChanged.TOPIC, FollowUpChanged.TYPE, events);
    }

    private FollowUp raise(String employee, Signal signal) {
        FollowUp f = new FollowUp();
        f.id = UUID.randomUUID();
        f.employeeNumber = employee;
        f.kind = signal.kind();
        f.dueOn = signal.dueOn();
        f.spellId = signal.spellId();
        f.windowStart = signal.windowStart();
        f.createdAt = OffsetDateTime.now(clock);
        followUps.persist(f);
        return f;
    }

    private static Outbox.Pending event(FollowUp f, String unit, boolean withdrawn) {
        return new Outbox.Pending(f.id.toString(),
                new FollowUpChanged(f.id, f.employeeNumber, unit, f.kind, f.dueOn, f.windowStart, withdrawn));
    }

    private static String key(String employee, FollowUpRules.Kind kind, LocalDate dueOn) {
        return employee + "|" + kind + "|" + dueOn;
    }
}
