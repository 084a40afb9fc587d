package se.kasam.evaluation.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "sickleave")
@RegisterProvider(SourceErrors.class)
@Path("/api/sickleave/statistics")
public interface SickLeaveClient {
    /** @param periods name:yyyy-MM/yyyy-MM, repeated */
    @GET
    @Path("/programme")
    Uni<Answers.Programme> programme(@HeaderParam("Authorization") String bearer, @QueryParam("unit") String unit,
                                     @QueryParam("period") List<String> periods);

    @GET
    @Path("/monthly")
    Uni<Answers.Monthly> monthly(@HeaderParam("Authorization") String bearer, @QueryParam("unit") String unit,
                                 @QueryParam("from") String from, @QueryParam("to") String to);
}
