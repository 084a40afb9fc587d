package se.kasam.sickleave.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.kasam.sickleave.Employee;

@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {
}
