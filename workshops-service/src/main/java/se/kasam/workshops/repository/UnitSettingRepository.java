package se.kasam.workshops.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.kasam.workshops.UnitSetting;

@ApplicationScoped
public class UnitSettingRepository implements PanacheRepositoryBase<UnitSetting, String> {

    /**
     * Takes the workplace's staffing lock to the end of the transaction: a booking that counts against the unit's cap
     * checks and books under it, so two bookings at once cannot both take the last place away. Always taken after
     * the session's row lock (never before), so the two kinds of lock cannot deadlock.
     */
    public void lockStaffing(String unitCode) {
        getEntityManager().createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext('kasam.workshops.staffing'), hashtext(?1))) l")
                .setParameter(1, unitCode).getSingleResult();
    }
}
