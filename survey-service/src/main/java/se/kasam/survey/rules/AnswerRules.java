package se.kasam.survey.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.survey.rules.InstrumentDefinition.Item;
import se.kasam.survey.rules.InstrumentDefinition.ItemType;

/** Whether an invitee's answers fit the round's instruments: each rule broken, naming the answer. */
public final class AnswerRules {
    private AnswerRules() {
    }

    /** One answer as given: a value for a scale item, a text for a free-text item. */
    public record Given(String instrument, String item, Integer value, String text) {
    }

    /**
     * @param instruments the round's instruments by code
     * @param submit      a submit also needs every required item; a draft may be incomplete
     */
    public static List<Violation> check(Map<String, InstrumentDefinition> instruments, List<Given> answers, boolean submit) {
        List<Violation> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Given a = answers.get(i);
            String at = "answers[" + i + "]";
            InstrumentDefinition d = instruments.get(a.instrument());
            if (d == null) {
                errors.add(new Violation(at + ".instrument", "RoundInstrument", "the round has no instrument " + a.instrument()));
                continue;
            }
            Item item = d.item(a.item());
            if (item == null) {
                errors.add(new Violation(at + ".item", "KnownItem", a.instrument() + " has no item " + a.item()));
                continue;
            }
            if (!seen.add(a.instrument() + "\u0000" + a.item())) {
                errors.add(new Violation(at + ".item", "Unique", "item " + a.item() + " of " + a.instrument() + " is answered twice"));
            }
            if (item.type() == ItemType.SCALE) {
                if (a.text() != null) {
                    errors.add(new Violation(at + ".text", "Null", "a scale item is answered with a value, not a text"));
                }
                if (a.value() == null) {
                    errors.add(new Violation(at + ".value", "NotNull", "a scale item needs a value (leave it out to skip it)"));
                } else if (a.value() < item.scale().min() || a.value() > item.scale().max()) {
                    errors.add(new Violation(at + ".value", "InScale",
                            "the answer must be " + item.scale().min() + " to " + item.scale().max() + ", was " + a.value()));
                }
            } else {
                if (a.value() != null) {
                    errors.add(new Violation(at + ".value", "Null", "a free-text item is answered with a text, not a value"));
                }
                if (a.text() == null || a.text().isBlank()) {
                    errors.add(new Violation(at + ".text", "NotBlank", "a free-text answer needs a text (leave it out to skip it)"));
                }
            }
        }
        if (submit) {
            instruments.forEach((code, d) -> d.items().stream().filter(Item::required)
                    .filter(item -> !seen.contains(code + "\u0000" + item.id()))
                    .forEach(item -> errors.add(new Violation("answers", "Required",
                            "item " + item.id() + " of " + code + " must be answered"))));
        }
        return errors;
    }

    /** Each instrument's scale answers by item id, for scoring. */
    public static Map<String, Map<String, Integer>> values(List<StoredResponse.Value> answers) {
        Map<String, Map<String, Integer>> byInstrument = new java.util.HashMap<>();
        answers.forEach(a -> byInstrument.computeIfAbsent(a.instrument(), k -> new java.util.HashMap<>()).put(a.item(), a.value()));
        return byInstrument;
    }
}
