package se.kasam.participants.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import se.kasam.participants.Employee;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    public PanacheQuery<Employee> inUnit(String unitCode) {
        Sort byNumber = Sort.by("employeeNumber");
        return unitCode == null ? findAll(byNumber) : find("unitCode", byNumber, unitCode);
    }

    public PanacheQuery<Employee> inUnits(Set<String> unitCodes) {
        return find("unitCode in ?1", Sort.by("employeeNumber"), unitCodes.isEmpty() ? Set.of("") : unitCodes);
    }
}
