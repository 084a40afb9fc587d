package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import se.kasam.workshops.TrioMeeting;

@ApplicationScoped
public class TrioMeetingRepository implements PanacheRepositoryBase<TrioMeeting, UUID> {
    public List<TrioMeeting> ofGroups(Collection<Long> groupIds) {
        return groupIds.isEmpty() ? List.of() : list("trioGroupId in ?1", Sort.by("metOn").and("id"), groupIds);
    }
}
