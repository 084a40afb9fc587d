package se.kasam.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BulkCopyTest {
    @Test
    void writesCopyTextFormatWithNullsAndEscapes() {
        StringBuilder text = new StringBuilder();
        BulkCopy.appendRow(text, new Object[] {"a\tb", null, "line\nbreak\r", "back\\slash", "", 42, "{\"k\": \"v\"}"}, 7);
        assertEquals("a\\tb\t\\N\tline\\nbreak\\r\tback\\\\slash\t\t42\t{\"k\": \"v\"}\n", text.toString());
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> BulkCopy.appendRow(new StringBuilder(), new Object[] {"a"}, 2));
    }
}
