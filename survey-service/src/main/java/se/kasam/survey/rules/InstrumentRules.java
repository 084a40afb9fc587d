package se.kasam.survey.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.kasam.platform.problem.Problem.Violation;
import se.kasam.survey.rules.InstrumentDefinition.Item;
import se.kasam.survey.rules.InstrumentDefinition.ItemType;
import se.kasam.survey.rules.InstrumentDefinition.Subscale;

/** What makes an instrument definition usable: every rule broken, each naming its field. */
public final class InstrumentRules {
    static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,31}$");
    static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$");
    static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");
    /** More answer options than this is not a response scale. */
    static final int MAX_OPTIONS = 11;
    static final int MAX_TEXT = 1000;

    private InstrumentRules() {
    }

    public static List<Violation> check(InstrumentDefinition d) {
        List<Violation> errors = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            errors.add(new Violation("code", "Pattern", "a code is 1-32 capitals, digits and '-', starting with a capital or digit"));
        }
        texts(errors, "name", d.name(), true);
        if (d.items() == null || d.items().isEmpty()) {
            errors.add(new Violation("items", "NotEmpty", "an instrument needs at least one item"));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < d.items().size(); i++) {
            item(errors, "items[" + i + "]", d.items().get(i), ids);
        }
        long scaleItems = d.items().stream().filter(it -> it != null && it.type() == ItemType.SCALE).count();
        subscales(errors, d, ids);
        if (d.scoring() == null) {
            errors.add(new Violation("scoring", "NotNull", "an instrument needs its scoring"));
        } else {
            if (d.scoring().method() == null) {
                errors.add(new Violation("scoring.method", "NotNull", "scoring.method is SUM or MEAN"));
            }
            if (d.scoring().maxMissing() < 0 || scaleItems > 0 && d.scoring().maxMissing() >= scaleItems) {
                errors.add(new Violation("scoring.maxMissing", "Range",
                        "scoring.maxMissing must be at least 0 and below the " + scaleItems + " scale items"));
            }
            if (d.scoring().subscaleMaxMissing() < 0) {
                errors.add(new Violation("scoring.subscaleMaxMissing", "Min", "scoring.subscaleMaxMissing must not be negative"));
            }
        }
        return errors;
    }

    private static void item(List<Violation> errors, String at, Item item, Set<String> ids) {
        if (item == null) {
            errors.add(new Violation(at, "NotNull", "an item must not be null"));
            return;
        }
        if (item.id() == null || !ID.matcher(item.id()).matches()) {
            errors.add(new Violation(at + ".id", "Pattern", "an item id is 1-32 letters, digits, '_', '.' or '-'"));
        } else if (!ids.add(item.id())) {
            errors.add(new Violation(at + ".id", "Unique", "item id " + item.id() + " is used twice"));
        }
        texts(errors, at + ".text", item.text(), false);
        if (item.type() == null) {
            errors.add(new Violation(at + ".type", "NotNull", "an item's type is SCALE or FREE_TEXT"));
        } else if (item.type() == ItemType.FREE_TEXT) {
            if (item.reversed()) {
                errors.add(new Violation(at + ".reversed", "NotReversible", "a free-text item cannot be reverse-scored"));
            }
            if (item.scale() != null) {
                errors.add(new Violation(at + ".scale", "Null", "a free-text item has no answer scale"));
            }
        } else if (item.scale() == null) {
            errors.add(new Violation(at + ".scale", "NotNull", "a scale item needs its answer scale"));
        } else {
            var scale = item.scale();
            if (scale.min() >= scale.max()) {
                errors.add(new Violation(at + ".scale", "ScaleBounds",
                        "scale.min (" + scale.min() + ") must be below scale.max (" + scale.max() + ")"));
            } else if (scale.max() - scale.min() + 1 > MAX_OPTIONS) {
                errors.add(new Violation(at + ".scale", "ScaleSize", "a scale has at most " + MAX_OPTIONS + " answer options"));
            }
            if (scale.labels() != null) {
                scale.labels().forEach((value, label) -> {
                    Integer v = integer(value);
                    if (v == null || v < scale.min() || v > scale.max()) {
                        errors.add(new Violation(at + ".scale.labels." + value, "LabelInScale",
                                "a label names a value of the scale, " + scale.min() + " to " + scale.max()));
                    } else if (label == null || label.isBlank() || label.length() > MAX_TEXT) {
                        errors.add(new Violation(at + ".scale.labels." + value, "Size", "a label is 1-" + MAX_TEXT + " characters"));
                    }
                });
            }
        }
    }

    private static void subscales(List<Violation> errors, InstrumentDefinition d, Set<String> itemIds) {
        if (d.subscales() == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        Map<String, String> subscaleOf = new HashMap<>();
        for (int s = 0; s < d.subscales().size(); s++) {
            String at = "subscales[" + s + "]";
            Subscale sub = d.subscales().get(s);
            if (sub == null) {
                errors.add(new Violation(at, "NotNull", "a subscale must not be null"));
                continue;
            }
            if (sub.id() == null || !ID.matcher(sub.id()).matches() || sub.id().equals(Scoring.TOTAL)) {
                errors.add(new Violation(at + ".id", "Pattern", "a subscale id is 1-32 letters, digits, '_', '.' or '-', not " + Scoring.TOTAL));
            } else if (!ids.add(sub.id())) {
                errors.add(new Violation(at + ".id", "Unique", "subscale id " + sub.id() + " is used twice"));
            }
            texts(errors, at + ".name", sub.name(), false);
            if (sub.items() == null || sub.items().isEmpty()) {
                errors.add(new Violation(at + ".items", "NotEmpty", "a subscale needs at least one item"));
                continue;
            }
            for (int i = 0; i < sub.items().size(); i++) {
                String id = sub.items().get(i);
                String field = at + ".items[" + i + "]";
                Item item = id == null ? null : d.item(id);
                if (item == null || !itemIds.contains(id)) {
                    errors.add(new Violation(field, "KnownItem", "no item " + id + " in the instrument"));
                } else if (item.type() == ItemType.FREE_TEXT) {
                    errors.add(new Violation(field, "ScaleItem", "free-text item " + id + " cannot be scored in a subscale"));
                } else if (subscaleOf.containsKey(id)) {
                    errors.add(new Violation(field, "OneSubscale",
                            "item " + id + " is already in subscale " + subscaleOf.get(id) + "; an item is in one subscale"));
                } else {
                    subscaleOf.put(id, sub.id());
                }
            }
            if (sub.maxMissing() != null && (sub.maxMissing() < 0 || sub.maxMissing() >= sub.items().size())) {
                errors.add(new Violation(at + ".maxMissing", "Range",
                        "maxMissing must be at least 0 and below the subscale's " + sub.items().size() + " items"));
            }
        }
    }

    private static void texts(List<Violation> errors, String at, Map<String, String> texts, boolean required) {
        if (texts == null || texts.isEmpty()) {
            if (required) {
                errors.add(new Violation(at, "NotEmpty", at + " needs a text in at least one language, as {\"sv\": \"...\"}"));
            }
            return;
        }
        texts.forEach((language, text) -> {
            if (!LANGUAGE.matcher(language).matches()) {
                errors.add(new Violation(at + "." + language, "Language", "a language is a two-letter code such as sv or en"));
            } else if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
                errors.add(new Violation(at + "." + language, "Size", "a text is 1-" + MAX_TEXT + " characters"));
            }
        });
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
