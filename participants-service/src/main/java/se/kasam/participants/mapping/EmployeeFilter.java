package se.kasam.participants.mapping;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import se.kasam.participants.EmploymentType;
import se.kasam.participants.LegalGender;

/** The filters of the employee list ({@code @BeanParam}); all optional and combined with "and". */
public class EmployeeFilter {
    @QueryParam("unit")
    @Parameter(description = "A unit's HR code: its employees and those of every unit below it")
    public String unit;

    @QueryParam("active")
    @Parameter(description = "true: employed today; false: not (yet, or any more)")
    public Boolean active;

    @QueryParam("legalGender")
    public LegalGender legalGender;

    @QueryParam("employmentType")
    public EmploymentType employmentType;
}
