package se.kasam.workshops;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import se.kasam.testing.RealStackTestResource;

/** Real PostgreSQL and Kafka, and the test OIDC server, for every @QuarkusTest of this service. */
@QuarkusTestResource(value = RealStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "workshops"))
@QuarkusTestResource(OidcWiremockTestResource.class)
public class TestStack {
}
