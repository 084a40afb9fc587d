package se.kasam.evaluation.rules;

/** What the report measures the programme's aims against; the labels are the ESF final report's (Swedish). */
public enum Indicator {
    REACHED_SHARE("Andel av personalen som deltagit i minst en workshop", "%"),
    ALL_THREE_SHARE("Andel av personalen som gått alla tre workshoppar", "%"),
    ALL_THREE_SHARE_WOMEN("Andel av kvinnorna som gått alla tre workshoppar", "%"),
    ALL_THREE_SHARE_MEN("Andel av männen som gått alla tre workshoppar", "%"),
    TRIO_GROUPS_MEETING_SHARE("Andel av triogrupperna som träffats", "%"),
    PARTICIPANT_HOURS("Deltagartimmar", "h"),
    CO_FINANCING_SEK("Medfinansiering (deltagartid)", "kr"),
    FOLLOW_UP_RESPONSE_RATE("Svarsfrekvens i uppföljningsenkäten", "%"),
    SOC13_CHANGE("Förändring i KASAM (SOC-13), parvis", "poäng"),
    SOC13_CHANGE_WOMEN("Förändring i KASAM (SOC-13) bland kvinnor, parvis", "poäng"),
    HME_INDEX_CHANGE("Förändring i HME-index, parvis", "indexenheter"),
    SICK_LEAVE_CHANGE("Förändring i sjukfrånvaro, efter mot före", "procentenheter"),
    SICK_LEAVE_CHANGE_WOMEN("Förändring i kvinnors sjukfrånvaro, efter mot före", "procentenheter");

    private final String label;
    private final String unit;

    Indicator(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
