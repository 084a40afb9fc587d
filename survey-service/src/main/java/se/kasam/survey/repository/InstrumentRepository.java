package se.kasam.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.kasam.survey.Instrument;

@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<Instrument, String> {
}
