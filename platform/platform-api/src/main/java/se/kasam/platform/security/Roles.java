package se.kasam.platform.security;

/** The realm roles of DESIGN.md, as used in {@code @RolesAllowed}. */
public final class Roles {
    public static final String HR_INTEGRATION = "hr-integration";
    public static final String HR_ADMIN = "hr-admin";
    public static final String PROJECT_LEAD = "project-lead";
    public static final String MANAGER = "manager";
    public static final String FACILITATOR = "facilitator";
    public static final String EMPLOYEE = "employee";
    public static final String EVALUATOR = "evaluator";

    /** The token claim that ties a login to an employee (a Keycloak user attribute mapped into the token). */
    public static final String EMPLOYEE_NUMBER_CLAIM = "employee_number";

    private Roles() {
    }
}
