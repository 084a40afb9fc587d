package se.kasam.evaluation.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "workshops")
@RegisterProvider(SourceErrors.class)
@Path("/api/workshops")
public interface WorkshopsClient {
    @GET
    @Path("/progress")
    Uni<Answers.Progress> progress(@HeaderParam("Authorization") String bearer, @QueryParam("unit") String unit,
                                   @QueryParam("on") String on);

    @GET
    @Path("/participation")
    Uni<Answers.Participation> participation(@HeaderParam("Authorization") String bearer, @QueryParam("unit") String unit,
                                             @QueryParam("from") String from, @QueryParam("to") String to);
}
