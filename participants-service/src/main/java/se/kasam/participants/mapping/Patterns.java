package se.kasam.participants.mapping;

/** The shapes of HR keys. */
final class Patterns {
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    static final String CODE_MESSAGE = "1-40 letters, digits, '.', '_' or '-'";
    static final String EMPLOYEE_NUMBER = "[A-Za-z0-9][A-Za-z0-9-]{0,19}";
    static final String EMPLOYEE_NUMBER_MESSAGE = "1-20 letters, digits or '-'";

    private Patterns() {
    }
}
