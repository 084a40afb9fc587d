package se.kasam.participants;

/** Legal gender as HR registers it; the statutory statistics report women and men. */
public enum LegalGender {
    FEMALE, MALE
}
