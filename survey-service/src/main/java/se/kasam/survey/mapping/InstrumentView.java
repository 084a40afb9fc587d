package se.kasam.survey.mapping;

import java.util.List;
import se.kasam.survey.Instrument;

public record InstrumentView(String code, String name, int scaleMin, int scaleMax, String source, List<Item> items) {
    public record Item(int itemNo, String subscale, boolean reversed, String text) {
    }

    public static InstrumentView of(Instrument i) {
        return new InstrumentView(i.code, i.name, i.scaleMin, i.scaleMax, i.source,
                i.items.stream().map(it -> new Item(it.itemNo, it.subscale, it.reversed, it.text)).toList());
    }
}
