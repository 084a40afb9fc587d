package se.kasam.survey;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A survey instrument: its answer scale and items (subscale, reverse-scored or not). */
@Entity
@Table(name = "instrument")
public class Instrument {
    @Id
    public String code;
    public String name;
    @Column(name = "scale_min")
    public int scaleMin;
    @Column(name = "scale_max")
    public int scaleMax;
    public String source;

    @OneToMany(mappedBy = "instrumentCode", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("itemNo")
    public List<InstrumentItem> items = new ArrayList<>();
}
