package se.kasam.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

@Entity
@Table(name = "instrument_item")
@IdClass(InstrumentItem.Key.class)
public class InstrumentItem {
    @Id
    @Column(name = "instrument_code")
    public String instrumentCode;
    @Id
    @Column(name = "item_no")
    public int itemNo;
    public String subscale;
    public boolean reversed;
    /** Null where the text is licensed and not shipped (SOC-13). */
    public String text;

    public record Key(String instrumentCode, int itemNo) implements Serializable {
    }
}
