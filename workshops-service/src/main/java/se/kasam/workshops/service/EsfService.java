package se.kasam.workshops.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import se.kasam.platform.problem.ProblemException;
import se.kasam.platform.security.Caller;
import se.kasam.workshops.mapping.EsfExportView;
import se.kasam.workshops.mapping.HourlyCostsView;
import se.kasam.workshops.repository.EsfRepository;
import se.kasam.workshops.rules.EsfTotals;
import se.kasam.workshops.rules.HourlyCosts;

/**
 * The monthly ESF export of participant hours. Exporting a month freezes it: its cut-off and its hourly costs are
 * recorded, so reading it again gives the same rows; what the ledger gained since is listed as corrections.
 */
@ApplicationScoped
public class EsfService {
    private static final String DEFAULT = "*";

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    EsfRepository esf;

    @Inject
    ObjectMapper json;

    /** The month as exported, or a preview as it stands now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EsfExportView get(YearMonth month) {
        Optional<EsfRepository.Export> export = esf.export(month);
        if (export.isEmpty()) {
            Map<String, BigDecimal> costs = costs(month.getYear());
            return view(month, null, costs, esf.standing(month, OffsetDateTime.now(clock)), List.of());
        }
        EsfRepository.Export e = export.get();
        return view(month, e, read(e.hourlyCosts()), esf.standing(month, e.exportedAt()),
                esf.recordedAfter(month, e.exportedAt()));
    }

    /** @return whether this call made the export (false: it was made before; it is returned as it was) */
    @Transactional
    public boolean export(YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock))) {
            throw ProblemException.invalid("month", "Past", "a month is exported once it is over");
        }
        return esf.recordExport(month, OffsetDateTime.now(clock), caller.name(), write(costs(month.getYear())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HourlyCostsView hourlyCosts(int year) {
        Map<String, BigDecimal> costs = costs(year);
        return new HourlyCostsView(costs.get(DEFAULT), costs.entrySet().stream().filter(c -> !c.getKey().equals(DEFAULT))
                .map(c -> new HourlyCostsView.Occupation(c.getKey(), c.getValue())).toList());
    }

    @Transactional
    public HourlyCostsView putHourlyCosts(int year, HourlyCostsView input) {
        List<Object[]> rows = new ArrayList<>();
        if (input.defaultSek() != null) {
            rows.add(new Object[] {DEFAULT, input.defaultSek()});
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < input.byOccupation().size(); i++) {
            HourlyCostsView.Occupation o = input.byOccupation().get(i);
            if (o.occupation().equals(DEFAULT) || !seen.add(o.occupation())) {
                throw ProblemException.invalid("byOccupation[" + i + "].occupation", "Unique",
                        "each occupation once, and not '*' (that is defaultSek)");
            }
            rows.add(new Object[] {o.occupation(), o.sek()});
        }
        esf.replaceHourlyCosts(year, rows);
        return hourlyCosts(year);
    }

    private EsfExportView view(YearMonth month, EsfRepository.Export export, Map<String, BigDecimal> costMap,
                               List<EsfRepository.HourRow> standing, List<EsfRepository.HourRow> later) {
        HourlyCosts costs = new HourlyCosts(costMap.get(DEFAULT), without(costMap));
        List<EsfExportView.Row> rows = standing.stream().map(r -> row(r, costs)).toList();
        List<EsfExportView.Row> corrections = later.stream().map(r -> row(r, costs)).toList();
        return new EsfExportView(month.toString(), export != null, export == null ? null : export.exportedAt(),
                export == null ? null : export.exportedBy(), costMap, rows, EsfTotals.of(lines(rows)), corrections,
                EsfTotals.of(lines(corrections)));
    }

    private static EsfExportView.Row row(EsfRepository.HourRow r, HourlyCosts costs) {
        return new EsfExportView.Row(r.employeeNumber(), r.legalGender(), r.unitCode(), r.occupation(), r.activity(),
                r.date(), r.hours(), costs.value(r.hours(), r.occupation()), r.recordedAt());
    }

    private static List<EsfTotals.Line> lines(List<EsfExportView.Row> rows) {
        return rows.stream().map(r -> new EsfTotals.Line(r.employeeNumber(), r.legalGender(), r.hours(),
                r.coFinancingSek())).toList();
    }

    private Map<String, BigDecimal> costs(int year) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        esf.hourlyCosts(year).forEach(r -> costs.put((String) r[0], (BigDecimal) r[1]));
        return costs;
    }

    private static Map<String, BigDecimal> without(Map<String, BigDecimal> costs) {
        Map<String, BigDecimal> byOccupation = new HashMap<>(costs);
        byOccupation.remove(DEFAULT);
        return byOccupation;
    }

    private String write(Map<String, BigDecimal> costs) {
        try {
            return json.writeValueAsString(costs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, BigDecimal> read(String costs) {
        try {
            return new TreeMap<>(json.readValue(costs, new TypeReference<Map<String, BigDecimal>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("esf_export.hourly_costs is not a cost map", e);
        }
    }
}
