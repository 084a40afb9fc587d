package se.kasam.survey.mapping;

/** What an import of responses did: all of them or, on any error, none. */
public record ImportReport(int imported) {
}
