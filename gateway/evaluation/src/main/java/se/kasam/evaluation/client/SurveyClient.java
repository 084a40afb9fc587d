package se.kasam.evaluation.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "surveys")
@RegisterProvider(SourceErrors.class)
@Path("/api/surveys")
public interface SurveyClient {
    @GET
    @Path("/rounds")
    Uni<Answers.RoundPage> rounds(@HeaderParam("Authorization") String bearer, @QueryParam("page") int page,
                                  @QueryParam("size") int size);

    @GET
    @Path("/rounds/{id}/response-rates")
    Uni<Answers.Rates> responseRates(@HeaderParam("Authorization") String bearer, @PathParam("id") String round,
                                     @QueryParam("unit") String unit);

    @GET
    @Path("/comparison")
    Uni<Answers.Comparison> comparison(@HeaderParam("Authorization") String bearer, @QueryParam("baseline") String baseline,
                                       @QueryParam("followUp") String followUp, @QueryParam("unit") String unit);
}
