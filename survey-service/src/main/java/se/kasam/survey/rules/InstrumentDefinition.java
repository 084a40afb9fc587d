package se.kasam.survey.rules;

import java.util.List;
import java.util.Map;

/**
 * An instrument as data: its items, subscales and scoring. The same shape is imported, stored and served; a round
 * uses one fixed version of it. Texts are per language ("sv", "en"); an instrument whose texts are licensed (SOC-13)
 * ships without them and a deployment loads them as a new version.
 *
 * @param platformOwn whether the items are the platform's own (not a published, validated instrument)
 */
public record InstrumentDefinition(String code, Map<String, String> name, String source, boolean platformOwn,
                                   List<Item> items, List<Subscale> subscales, Scoring scoring) {

    public enum ItemType { SCALE, FREE_TEXT }

    public enum Method { SUM, MEAN }

    /**
     * @param scale    the answer scale (SCALE items only)
     * @param reversed scored as min + max − answer (SCALE items only)
     * @param required a submitted answer must have it
     */
    public record Item(String id, ItemType type, Map<String, String> text, Scale scale, boolean reversed,
                       boolean required) {
    }

    /** @param labels what the answer values mean, by value ("1": "Mycket sällan"), any of them */
    public record Scale(int min, int max, Map<String, String> labels) {
    }

    /** @param maxMissing how many of its items may be unanswered for a valid (prorated) score; null: the scoring's */
    public record Subscale(String id, Map<String, String> name, List<String> items, Integer maxMissing) {
    }

    /**
     * @param method             a score is the sum of its items (prorated over missing ones) or their mean
     * @param maxMissing         how many of all scale items may be unanswered for a valid total
     * @param subscaleMaxMissing the same for each subscale, unless it says otherwise
     * @param index              whether each score is also given as a 0–100 index of its range
     */
    public record Scoring(Method method, int maxMissing, int subscaleMaxMissing, boolean index) {
    }

    public List<Item> scaleItems() {
        return items.stream().filter(i -> i.type() == ItemType.SCALE).toList();
    }

    public Item item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }
}
