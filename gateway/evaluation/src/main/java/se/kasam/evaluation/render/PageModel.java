package se.kasam.evaluation.render;

import io.quarkus.qute.TemplateData;
import java.util.List;

/** The report as the page shows it: headed sections of text, charts and tables, every value already in words. */
public final class PageModel {
    private PageModel() {
    }

    @TemplateData
    public record Page(String title, List<String> intro, List<Section> sections) {
    }

    /** @param unavailable why the section could not be had, or null */
    @TemplateData
    public record Section(String id, String heading, String unavailable, List<Block> blocks) {
    }

    /** A sub-heading with text, a chart (its SVG, or null) and the table of the same figures. */
    @TemplateData
    public record Block(String heading, List<String> text, String chart, Table table) {
    }

    @TemplateData
    public record Table(String caption, List<String> headers, List<List<String>> rows) {
    }
}
