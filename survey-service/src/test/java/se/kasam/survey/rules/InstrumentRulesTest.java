package se.kasam.survey.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.survey.rules.InstrumentDefinition.Item;
import se.kasam.survey.rules.InstrumentDefinition.ItemType;
import se.kasam.survey.rules.InstrumentDefinition.Scale;
import se.kasam.survey.rules.InstrumentDefinition.Subscale;

class InstrumentRulesTest {

    @Test
    void theBuiltInsAreValid() {
        for (String code : List.of("SOC-13", "HME", "KASAM-AM")) {
            assertEquals(List.of(), InstrumentRules.check(BuiltIns.load(code)), code);
        }
    }

    @Test
    void soc13ShipsNoText() {
        assertTrue(BuiltIns.load("SOC-13").items().stream().allMatch(i -> i.text() == null && i.scale().labels() == null));
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        InstrumentDefinition soc = BuiltIns.load("SOC-13");
        List<Item> items = new ArrayList<>(soc.items());
        items.set(3, new Item("4", ItemType.SCALE, null, new Scale(7, 1, null), false, false));
        items.add(new Item("note", ItemType.FREE_TEXT, Map.of("sv", "Övrigt"), null, true, false));
        items.add(new Item("5", ItemType.SCALE, null, new Scale(1, 7, Map.of("9", "x")), false, false));
        List<Subscale> subscales = new ArrayList<>(soc.subscales());
        subscales.add(new Subscale("EXTRA", null, List.of("2", "note", "99"), 5));
        InstrumentDefinition broken = new InstrumentDefinition("soc 13", Map.of(), soc.source(), false, items, subscales,
                new InstrumentDefinition.Scoring(null, 20, -1, false));
        List<Violation> errors = InstrumentRules.check(broken);
        List<String> found = errors.stream().map(v -> v.field() + " " + v.rule()).toList();
        for (String expected : List.of(
                "code Pattern",
                "name NotEmpty",
                "items[3].scale ScaleBounds",
                "items[13].reversed NotReversible",
                "items[14].id Unique",
                "items[14].scale.labels.9 LabelInScale",
                "subscales[3].items[0] OneSubscale",
                "subscales[3].items[1] ScaleItem",
                "subscales[3].items[2] KnownItem",
                "subscales[3].maxMissing Range",
                "scoring.method NotNull",
                "scoring.maxMissing Range",
                "scoring.subscaleMaxMissing Min")) {
            assertTrue(found.contains(expected), expected + " in " + found);
        }
        assertTrue(errors.stream().noneMatch(v -> v.message().isBlank()));
    }
}
