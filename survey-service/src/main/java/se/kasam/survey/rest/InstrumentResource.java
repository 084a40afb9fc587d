package se.kasam.survey.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.paging.Page;
import se.kasam.platform.paging.PageRequest;
import se.kasam.survey.mapping.InstrumentView;
import se.kasam.survey.service.InstrumentService;

@Path("/api/surveys/instruments")
@Tag(name = "Instruments")
public class InstrumentResource {
    @Inject
    InstrumentService service;

    @GET
    @Authenticated
    @Operation(operationId = "listInstruments", summary = "The survey instruments (SOC-13, HME): scale, items, subscales, reverse scoring")
    public Page<InstrumentView> list(@BeanParam @Valid PageRequest page) {
        return service.list(page);
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getInstrument", summary = "One instrument with its items")
    public InstrumentView get(@PathParam("code") String code) {
        return service.get(code);
    }
}
