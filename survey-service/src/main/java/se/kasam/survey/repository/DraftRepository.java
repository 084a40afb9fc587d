package se.kasam.survey.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import se.kasam.survey.Draft;

@ApplicationScoped
public class DraftRepository implements PanacheRepositoryBase<Draft, UUID> {
}
