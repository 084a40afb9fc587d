package se.kasam.sickleave.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hibernate.Session;
import se.kasam.platform.jdbc.BulkCopy;
import se.kasam.sickleave.rules.Archive;
import se.kasam.sickleave.rules.MonthlyFacts.Fact;

/** Moves a year of monthly facts into the archived figures. */
@ApplicationScoped
public class ArchiveRepository {
    private static final List<String> COLUMNS = List.of("first_month", "last_month", "scope", "legal_gender", "heads",
            "sick_heads", "long_heads", "heads_0", "heads_1", "heads_2", "sick_heads_0", "sick_heads_1", "sick_heads_2",
            "ordinary_0", "ordinary_1", "ordinary_2", "sick_0", "sick_1", "sick_2", "long_term");

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    BulkCopy bulkCopy;

    @Transactional(Transactional.TxType.MANDATORY)
    public void archiveYear(int year, Map<String, List<String>> ancestors) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 1);
        List<Fact> facts = facts(from, to);
        var figures = Archive.rollUp(facts, ancestors);
        bulkCopy.copy("archived_figure", COLUMNS, () -> figures.entrySet().stream().map(e -> {
            Archive.Key k = e.getKey();
            var t = e.getValue();
            return new Object[]{k.first().atDay(1), k.last().atDay(1), k.scope(), k.legalGender(), t.heads(),
                    t.sickHeads(), t.longHeads(), t.bandHeads()[0], t.bandHeads()[1], t.bandHeads()[2],
                    t.bandSickHeads()[0], t.bandSickHeads()[1], t.bandSickHeads()[2], t.ordinary()[0], t.ordinary()[1],
                    t.ordinary()[2], t.sick()[0], t.sick()[1], t.sick()[2], t.longTerm()};
        }).iterator());
        OffsetDateTime now = OffsetDateTime.now(clock);
        bulkCopy.copy("archived_month", List.of("month", "archived_at"), () -> IntStream.rangeClosed(1, 12)
                .mapToObj(m -> new Object[]{LocalDate.of(year, m, 1), now}).iterator());
        em.createNativeQuery("delete from employee_month where month between ?1 and ?2")
                .setParameter(1, from).setParameter(2, to).executeUpdate();
        em.createNativeQuery("delete from employee_year where year = ?1").setParameter(1, year).executeUpdate();
    }

    private List<Fact> facts(LocalDate from, LocalDate to) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            List<Fact> facts = new ArrayList<>();
            try (PreparedStatement st = connection.prepareStatement("""
                    select employee_number, month, unit_code, legal_gender, ordinary_0, ordinary_1, ordinary_2,
                           sick_0, sick_1, sick_2, long_term
                    from employee_month where month between ? and ? order by employee_number""")) {
                st.setFetchSize(10_000);
                st.setObject(1, from);
                st.setObject(2, to);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        facts.add(new Fact(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)),
                                rs.getString(3), rs.getString(4),
                                new double[]{rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)},
                                new double[]{rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)}, rs.getDouble(11)));
                    }
                }
            }
            return facts;
        });
    }
}
