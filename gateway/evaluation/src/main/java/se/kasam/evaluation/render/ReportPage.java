package se.kasam.evaluation.render;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.kasam.evaluation.mapping.EvaluationReport;
import se.kasam.evaluation.mapping.EvaluationReport.Completion;
import se.kasam.evaluation.rules.Indicator;

/** The report as a page a project lead can read and print (and the PDF is drawn from): Swedish, charts with tables. */
@ApplicationScoped
public class ReportPage {
    private static final List<String> GENDERS = List.of("FEMALE", "MALE");
    private static final List<String> GROUPS = List.of("ALL", "FEMALE", "MALE");

    @Inject
    @Location("report.html")
    Template template;

    public String render(EvaluationReport report) {
        return template.data("page", model(report)).render();
    }

    static PageModel.Page model(EvaluationReport r) {
        String unit = r.unit() == null ? "hela kommunen" : "enhet " + r.unit() + " med enheterna under";
        List<String> intro = List.of(
                "Rapporten gäller " + unit + ". Perioder: " + String.join("; ", r.periods().stream()
                        .map(p -> Words.PERIODS.get(p.name()).toLowerCase() + " " + p.from() + " till " + p.to()).toList()) + ".",
                "Uppgifterna kommer från tjänsterna för workshoppar, enkäter och sjukfrånvaro, med samma skydd som där: "
                        + "en uppgift om för få personer visas som dold, med skälet, och aldrig som noll.",
                "Skapad " + r.generatedAt().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")) + ".");
        return new PageModel.Page("Utvärdering av " + r.programme(), intro, List.of(
                participation(r.participation()), survey(r.survey()), sickLeave(r.sickLeave()), esf(r.esf())));
    }

    private static PageModel.Section participation(EvaluationReport.ParticipationSection section) {
        String heading = "1. Deltagande i workshopparna";
        if (section.data() == null) {
            return unavailable("deltagande", heading, section.unavailable());
        }
        EvaluationReport.Participation p = section.data();
        int modules = p.modules().size();
        List<String> categories = new ArrayList<>();
        for (int k = 0; k <= modules; k++) {
            categories.add(k + " av " + modules);
        }
        Double[][] shares = new Double[GENDERS.size()][modules + 1];
        for (int g = 0; g < GENDERS.size(); g++) {
            Optional<Completion> c = completion(p.completion(), GENDERS.get(g));
            for (int k = 0; k <= modules; k++) {
                final int done = k;
                shares[g][k] = c.filter(x -> x.done() != null).flatMap(x -> x.done().stream()
                        .filter(d -> d.modulesDone() == done).findFirst()).map(d -> 100 * d.share()).orElse(null);
            }
        }
        List<String> headers = new ArrayList<>(List.of("Grupp", "Personal", "Deltagit"));
        categories.forEach(c -> headers.add(c + " workshoppar"));
        List<List<String>> rows = new ArrayList<>();
        for (String group : GROUPS) {
            rows.add(completionRow(Words.group(group), completion(p.completion(), group), modules));
        }
        PageModel.Block completion = new PageModel.Block("Genomförda workshoppar, kvinnor och män",
                List.of("Personalen den " + p.staffOn() + " och hur många av de " + modules + " workshopparna för alla var och en har gått."),
                Charts.bars("chart-completion", "Andel av personalen efter antal genomförda workshoppar, kvinnor och män",
                        "Andel av personalen (%)", new Charts.Data(GENDERS.stream().map(Words::group).toList(), categories, shares)),
                new PageModel.Table("Genomförda workshoppar per grupp (antal och andel)", headers, rows));
        List<List<String>> unitRows = new ArrayList<>();
        for (EvaluationReport.UnitCompletion u : p.byUnit()) {
            for (String group : GROUPS) {
                List<String> row = completionRow(Words.group(group), completion(u.groups(), group), modules);
                row.add(0, u.unit());
                unitRows.add(row);
            }
        }
        List<String> unitHeaders = new ArrayList<>(headers);
        unitHeaders.add(0, "Enhet");
        PageModel.Block byUnit = new PageModel.Block("Per enhet", List.of(), null,
                new PageModel.Table("Genomförda workshoppar per enhet och grupp", unitHeaders, unitRows));
        EvaluationReport.TrioGroups t = p.trioGroups();
        PageModel.Block trios = new PageModel.Block("Triogrupper", List.of(), null, new PageModel.Table(
                "Triogrupper under programmet", List.of("Bildade", "Har träffats", "Träffar"),
                List.of(List.of(Words.number(t.formed(), 0), Words.number(t.meeting(), 0), Words.number(t.meetings(), 0)))));
        List<List<String>> hourRows = p.hours().stream().map(h -> h.suppressed() != null
                ? List.of(Words.group(h.group()), Words.reason(h.suppressed()), "", "")
                : List.of(Words.group(h.group()), Words.number(h.participants(), 0), Words.number(h.hours(), 1),
                Words.number(h.coFinancingSek(), 0))).toList();
        PageModel.Block hours = new PageModel.Block("Deltagartimmar och medfinansiering", List.of(
                "Deltagartid i workshoppar, triogrupper och arbetsplatsträffar under programmet, värderad med timlönekostnaden som i ESF-exporterna."),
                null, new PageModel.Table("Deltagartimmar och medfinansiering per grupp",
                List.of("Grupp", "Deltagare", "Timmar", "Medfinansiering (kr)"), hourRows));
        return new PageModel.Section("deltagande", heading, null, List.of(completion, byUnit, trios, hours));
    }

    private static List<String> completionRow(String label, Optional<Completion> completion, int modules) {
        List<String> row = new ArrayList<>();
        row.add(label);
        if (completion.isEmpty() || completion.get().suppressed() != null) {
            row.add(completion.map(c -> Words.reason(c.suppressed())).orElse("saknas"));
            for (int k = 0; k <= modules + 1; k++) {
                row.add("");
            }
            return row;
        }
        Completion c = completion.get();
        row.add(Words.number(c.staff(), 0));
        row.add(Words.number(c.reached(), 0));
        for (EvaluationReport.Done d : c.done()) {
            row.add(Words.number(d.employees(), 0) + " (" + Words.percent(d.share()) + ")");
        }
        return row;
    }

    private static PageModel.Section survey(EvaluationReport.SurveySection section) {
        String heading = "2. Enkäten: känsla av sammanhang (SOC-13) och hållbart medarbetarengagemang (HME)";
        if (section.data() == null) {
            return unavailable("enkat", heading, section.unavailable());
        }
        EvaluationReport.Survey s = section.data();
        List<PageModel.Block> blocks = new ArrayList<>();
        if (s.missing() != null) {
            blocks.add(new PageModel.Block(null, List.of("Jämförelsen saknas: " + s.missing() + "."), null, null));
            return new PageModel.Section("enkat", heading, null, blocks);
        }
        blocks.add(new PageModel.Block("Svarsfrekvens", List.of("Baslinje: " + s.baseline().name() + ". Uppföljning: "
                + s.followUp().name() + "."), null, new PageModel.Table("Svarsfrekvens per omgång",
                List.of("Omgång", "Inbjudna", "Svarat", "Svarsfrekvens"), s.responseRates().stream().map(r -> r.suppressed() != null
                        ? List.of(r.round(), Words.number(r.invited(), 0), Words.reason(r.suppressed()), "")
                        : List.of(r.round(), Words.number(r.invited(), 0), Words.number(r.answered(), 0), Words.percent(r.rate())))
                .toList())));
        for (String instrument : List.of("SOC-13", "HME")) {
            List<EvaluationReport.Change> total = s.changes().stream()
                    .filter(c -> c.instrument().equals(instrument) && c.measure().equals("TOTAL")).toList();
            if (total.isEmpty()) {
                blocks.add(new PageModel.Block(instrument, List.of(instrument + " saknas: instrumentet fanns inte i båda omgångarna."), null, null));
                continue;
            }
            Double[][] means = new Double[2][GROUPS.size()];
            for (int g = 0; g < GROUPS.size(); g++) {
                final String group = GROUPS.get(g);
                Optional<EvaluationReport.Change> c = total.stream().filter(x -> x.group().equals(group)).findFirst();
                means[0][g] = c.map(EvaluationReport.Change::baselineMean).orElse(null);
                means[1][g] = c.map(EvaluationReport.Change::followUpMean).orElse(null);
            }
            String id = "chart-" + instrument.toLowerCase().replace("-", "");
            String chart = Charts.bars(id, instrument + ": medelvärde vid baslinje och uppföljning, alla, kvinnor och män",
                    "Medelvärde", new Charts.Data(List.of("Baslinje", "Uppföljning"), GROUPS.stream().map(Words::group).toList(), means));
            List<List<String>> rows = s.changes().stream().filter(c -> c.instrument().equals(instrument)).map(ReportPage::changeRow).toList();
            blocks.add(new PageModel.Block(instrument, List.of("Parvis jämförelse: samma personer i båda omgångarna "
                    + "(uppföljning minus baslinje), med 95 % konfidensintervall, p-värde (t-test) och effektstorlek (Cohens d_z)."),
                    chart, new PageModel.Table(instrument + ": förändring per mått och grupp",
                    List.of("Mått", "Grupp", "Baslinje", "Uppföljning", "Par (n)", "Förändring", "95 % KI", "p", "d_z"), rows)));
        }
        return new PageModel.Section("enkat", heading, null, blocks);
    }

    private static List<String> changeRow(EvaluationReport.Change c) {
        String measure = Words.measure(c.measure());
        if (c.suppressed() != null) {
            return List.of(measure, Words.group(c.group()), Words.number(c.baselineMean(), 2), Words.number(c.followUpMean(), 2),
                    Words.reason(c.suppressed()), "", "", "", "");
        }
        return List.of(measure, Words.group(c.group()), Words.number(c.baselineMean(), 2), Words.number(c.followUpMean(), 2),
                Words.number(c.n(), 0), Words.signed(c.meanDifference(), 2),
                Words.number(c.ciLow(), 2) + " till " + Words.number(c.ciHigh(), 2),
                c.pValue() == null ? "saknas" : c.pValue() < 0.001 ? "< 0,001" : Words.number(c.pValue(), 3),
                Words.number(c.effectSize(), 2));
    }

    private static PageModel.Section sickLeave(EvaluationReport.SickLeaveSection section) {
        String heading = "3. Sjukfrånvaro före, under och efter";
        if (section.data() == null) {
            return unavailable("sjukfranvaro", heading, section.unavailable());
        }
        EvaluationReport.SickLeave k = section.data();
        List<String> keys = List.of("TOTAL", "WOMEN", "MEN", "LONG_TERM_SHARE", "AGE_29_OR_YOUNGER", "AGE_30_TO_49", "AGE_50_OR_OLDER");
        List<String> headers = new ArrayList<>(List.of("Nyckeltal"));
        k.periods().forEach(p -> headers.add(Words.PERIODS.getOrDefault(p.name(), p.name()) + " (" + p.from() + " till " + p.to() + ")"));
        List<List<String>> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> row = new ArrayList<>(List.of(Words.FIGURES.get(key)));
            k.periods().forEach(p -> row.add(figure(p.figures(), key)));
            rows.add(row);
        }
        List<String> shown = List.of("TOTAL", "WOMEN", "MEN");
        Double[][] byPeriod = new Double[shown.size()][k.periods().size()];
        for (int f = 0; f < shown.size(); f++) {
            for (int p = 0; p < k.periods().size(); p++) {
                byPeriod[f][p] = percent(k.periods().get(p).figures(), shown.get(f));
            }
        }
        PageModel.Block periods = new PageModel.Block("De sju nyckeltalen", List.of("Sjukfrånvaro i procent av ordinarie "
                + "arbetstid (enligt lagen om kommunal bokföring och redovisning); långtidssjukfrånvaro som andel av all sjukfrånvaro."),
                Charts.bars("chart-sickleave-periods", "Sjukfrånvaro före, under och efter programmet: alla, kvinnor och män",
                        "Procent av ordinarie arbetstid", new Charts.Data(shown.stream().map(s -> s.equals("TOTAL") ? "Alla" : Words.group(s)).toList(),
                                k.periods().stream().map(p -> Words.PERIODS.getOrDefault(p.name(), p.name())).toList(), byPeriod)),
                new PageModel.Table("Nyckeltal per period (procent)", headers, rows));
        PageModel.Block changes = new PageModel.Block("Förändring", List.of(), null, new PageModel.Table(
                "Förändring mot perioden före, i procentenheter", List.of("Period", "Jämfört med", "Grupp", "Procentenheter"),
                k.changes().stream().map(c -> List.of(Words.PERIODS.getOrDefault(c.period(), c.period()),
                        Words.PERIODS.getOrDefault(c.comparedWith(), c.comparedWith()), Words.group(c.figure()),
                        c.percentagePoints() == null ? "dold" : Words.signed(c.percentagePoints(), 2))).toList()));
        List<String> months = k.monthly().stream().map(EvaluationReport.MonthFigures::month).toList();
        Double[][] series = new Double[shown.size()][months.size()];
        List<List<String>> monthRows = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            EvaluationReport.MonthFigures month = k.monthly().get(m);
            List<String> row = new ArrayList<>(List.of(month.month()));
            for (int f = 0; f < shown.size(); f++) {
                series[f][m] = percent(month.figures(), shown.get(f));
                row.add(figure(month.figures(), shown.get(f)));
            }
            monthRows.add(row);
        }
        PageModel.Block monthly = new PageModel.Block("Månad för månad", List.of(),
                Charts.lines("chart-sickleave-monthly", "Sjukfrånvaro per månad: alla, kvinnor och män", "Procent",
                        new Charts.Data(List.of("Alla", "Kvinnor", "Män"), months, series)),
                new PageModel.Table("Sjukfrånvaro per månad (procent)", List.of("Månad", "Alla", "Kvinnor", "Män"), monthRows));
        return new PageModel.Section("sjukfranvaro", heading, null, List.of(periods, changes, monthly));
    }

    private static String figure(List<EvaluationReport.Figure> figures, String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst()
                .map(f -> f.suppressed() != null ? Words.reason(f.suppressed()) : Words.number(f.percent(), 2)).orElse("saknas");
    }

    private static Double percent(List<EvaluationReport.Figure> figures, String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst().map(EvaluationReport.Figure::percent).orElse(null);
    }

    private static PageModel.Section esf(EvaluationReport.Esf esf) {
        EvaluationReport.Participants p = esf.participants();
        PageModel.Block participants = new PageModel.Block("Antal deltagare: kvinnor och män",
                p.missing() == null ? List.of() : List.of("Uppgiften saknas delvis: " + p.missing() + "."), null,
                new PageModel.Table("Deltagare med deltagartid under programmet", List.of("Kvinnor", "Män", "Totalt"),
                        List.of(List.of(Words.number(p.women(), 0), Words.number(p.men(), 0), Words.number(p.total(), 0)))));
        PageModel.Block aims = new PageModel.Block("Mål och resultat", List.of(), null, new PageModel.Table(
                "Projektets mål med uppmätt resultat", List.of("Mål", "Indikator", "Målvärde", "Resultat", "Bedömning"),
                esf.aims().stream().map(a -> List.of(a.aim(), a.label(),
                        (a.comparison().name().equals("AT_LEAST") ? "minst " : "högst ") + Words.number(a.target(), 1) + " " + a.unit(),
                        a.measured() == null ? "saknas" : Words.number(a.measured(), 2) + " " + a.unit(),
                        switch (a.outcome()) {
                            case MET -> "Uppnått";
                            case NOT_MET -> "Inte uppnått";
                            case NOT_AVAILABLE -> "Kan inte bedömas";
                        })).toList()));
        PageModel.Block indicators = new PageModel.Block("Resultat mot indikatorerna", List.of(), null, new PageModel.Table(
                "Indikatorer", List.of("Indikator", "Värde"), esf.indicators().stream().map(i -> List.of(i.label(),
                        i.value() == null ? "saknas (" + i.missing() + ")" : Words.number(i.value(), i.indicator() == Indicator.CO_FINANCING_SEK
                                || i.indicator() == Indicator.PARTICIPANT_HOURS ? 0 : 2) + " " + i.unit())).toList()));
        return new PageModel.Section("esf", "4. ESF-slutrapport", null, List.of(aims, participants, indicators));
    }

    private static PageModel.Section unavailable(String id, String heading, EvaluationReport.Unavailable why) {
        return new PageModel.Section(id, heading, "Avsnittet kunde inte hämtas just nu (" + why.code() + "): " + why.detail()
                + ". Resten av rapporten är komplett; försök igen om en stund.", List.of());
    }

    private static Optional<Completion> completion(List<Completion> groups, String group) {
        return groups.stream().filter(c -> c.group().equals(group)).findFirst();
    }
}
