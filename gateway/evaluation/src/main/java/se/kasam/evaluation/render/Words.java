package se.kasam.evaluation.render;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Map;

/**
 * Figures and reasons in the page's words (Swedish). Numbers use a decimal comma and a plain hyphen for minus, so
 * the PDF's standard fonts can show every character.
 */
final class Words {
    static final Map<String, String> GROUPS = Map.of("ALL", "Alla", "FEMALE", "Kvinnor", "MALE", "Män", "TOTAL", "Alla",
            "WOMEN", "Kvinnor", "MEN", "Män");
    static final Map<String, String> PERIODS = Map.of("before", "Före", "during", "Under", "after", "Efter");
    static final Map<String, String> FIGURES = Map.of("TOTAL", "Total sjukfrånvaro", "LONG_TERM_SHARE",
            "Andel långtidssjukfrånvaro (60 dagar eller mer)", "WOMEN", "Kvinnor", "MEN", "Män", "AGE_29_OR_YOUNGER",
            "29 år eller yngre", "AGE_30_TO_49", "30-49 år", "AGE_50_OR_OLDER", "50 år eller äldre");
    /** The instruments' measure codes; SOC-13's subscales are in English there, as in Antonovsky's scale. */
    private static final Map<String, String> MEASURES = Map.of("TOTAL", "Totalt", "COMPREHENSIBILITY", "Begriplighet",
            "MANAGEABILITY", "Hanterbarhet", "MEANINGFULNESS", "Meningsfullhet");
    private static final Map<String, String> REASONS = Map.of(
            "GROUP_TOO_SMALL", "dold: för liten grupp",
            "SINGLE_PERSON", "dold: skulle visa en enskild persons uppgift",
            "COMPLEMENTARY", "dold: skulle röja en annan dold uppgift",
            "NOT_DERIVABLE", "saknas: kan inte härledas ur den skyddade statistiken");

    private Words() {
    }

    static String reason(String code) {
        return REASONS.getOrDefault(code, "dold (" + code + ")");
    }

    /** A measure's name: SOC-13's in Swedish, another as its code reads (LEDARSKAP: Ledarskap). */
    static String measure(String code) {
        return MEASURES.getOrDefault(code, code.charAt(0) + code.substring(1).toLowerCase(java.util.Locale.ROOT));
    }

    static String group(String code) {
        return GROUPS.getOrDefault(code, code);
    }

    static String number(Number value, int decimals) {
        if (value == null) {
            return "saknas";
        }
        DecimalFormatSymbols symbols = new DecimalFormatSymbols();
        symbols.setDecimalSeparator(',');
        symbols.setGroupingSeparator(' ');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        return format.format(value instanceof BigDecimal b ? b : BigDecimal.valueOf(value.doubleValue()));
    }

    static String signed(Number value, int decimals) {
        String text = number(value, decimals);
        return value != null && value.doubleValue() > 0 ? "+" + text : text;
    }

    static String percent(Double share) {
        return share == null ? "saknas" : number(100 * share, 1) + " %";
    }
}
