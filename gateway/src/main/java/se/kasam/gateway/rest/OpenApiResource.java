package se.kasam.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.kasam.gateway.service.OpenApiMerger;
import se.kasam.gateway.service.Upstreams;

/** The one OpenAPI document of the whole API, which the frontend team reads (Swagger UI shows it too). */
@Path("/openapi")
public class OpenApiResource {
    @Inject
    Upstreams upstreams;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return OpenApiMerger.merge(upstreams.openApiDocuments(), version,
                realm.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }
}
