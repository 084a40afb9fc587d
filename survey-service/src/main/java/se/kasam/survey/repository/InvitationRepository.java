package se.kasam.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.survey.Invitation;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {
    @jakarta.inject.Inject
    BulkCopy bulk;

    public List<Invitation> ofEmployee(String employeeNumber) {
        return list("employeeNumber", employeeNumber);
    }

    /** The employee's own invitation, locked for a submit; empty for anyone else's. */
    public Optional<Invitation> lockOwn(UUID id, String employeeNumber) {
        return find("id = ?1 and employeeNumber = ?2", id, employeeNumber).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public Optional<Invitation> own(UUID id, String employeeNumber) {
        return find("id = ?1 and employeeNumber = ?2", id, employeeNumber).firstResultOptional();
    }

    public Optional<Invitation> lockOf(UUID round, String employeeNumber) {
        return find("roundId = ?1 and employeeNumber = ?2", round, employeeNumber)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public void insertAll(List<Invitation> invitations) {
        bulk.copy("invitation", List.of("id", "round_id", "employee_number", "unit_code", "legal_gender", "age_band", "answered"),
                () -> invitations.stream().map(i -> new Object[]{i.id, i.roundId, i.employeeNumber, i.unitCode,
                        i.legalGender, i.ageBand, i.answered}).iterator());
    }

    /** Per unit: how many were invited and how many have answered. */
    @SuppressWarnings("unchecked")
    public Map<String, long[]> countsByUnit(UUID round) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select unit_code, count(*), count(*) filter (where answered) from invitation
                        where round_id = ?1 group by unit_code""")
                .setParameter(1, round).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0],
                r -> new long[]{((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
    }

    public long answered(UUID round) {
        return count("roundId = ?1 and answered = true", round);
    }
}
