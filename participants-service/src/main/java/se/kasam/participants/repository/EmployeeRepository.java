package se.kasam.participants.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.kasam.participants.Employee;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    public PanacheQuery<Employee> inUnit(String unitCode) {
        Sort byNumber = Sort.by("employeeNumber");
        return unitCode == null ? findAll(byNumber) : find("unitCode", byNumber, unitCode);
    }
}
