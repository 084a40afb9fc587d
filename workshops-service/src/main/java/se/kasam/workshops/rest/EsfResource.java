package se.kasam.workshops.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.platform.security.Roles;
import se.kasam.workshops.mapping.EsfCsv;
import se.kasam.workshops.mapping.EsfExportView;
import se.kasam.workshops.mapping.HourlyCostsView;
import se.kasam.workshops.service.EsfService;

/** ESF participant hours: the monthly export (JSON or CSV) and the hourly costs it values them with. */
@Path("/api/workshops")
@Tag(name = "ESF participant hours")
public class EsfResource {
    private static final String CSV = "text/csv";
    private static final String MONTH = "^\\d{4}-(0[1-9]|1[0-2])$";

    @Inject
    EsfService esf;

    @GET
    @Path("/esf-exports/{month}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({Roles.HR_ADMIN, Roles.PROJECT_LEAD})
    @Operation(operationId = "getEsfExport",
            summary = "A month's participant hours (Accept: application/json or text/csv): as exported, with later corrections; "
                    + "a preview before it is exported")
    @APIResponse(responseCode = "200", description = "The month", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EsfExportView.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    public Response get(@PathParam("month") @Parameter(example = "2020-03") @Pattern(regexp = MONTH, message = "a month, yyyy-MM") String month,
                        @Context HttpHeaders headers) {
        EsfExportView export = esf.get(YearMonth.parse(month));
        return wantsCsv(headers)
                ? Response.ok(EsfCsv.of(export), CSV + "; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"esf-hours-" + month + ".csv\"").build()
                : Response.ok(export, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/esf-exports/{month}")
    @RolesAllowed({Roles.HR_ADMIN, Roles.PROJECT_LEAD})
    @Operation(operationId = "exportEsfMonth",
            summary = "Export a month that is over: it is frozen as it stands (its hours and hourly costs); later changes are corrections")
    @APIResponse(responseCode = "201", description = "Exported now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EsfExportView.class)))
    @APIResponse(responseCode = "200", description = "Exported before: as it was, with the corrections since",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EsfExportView.class)))
    public Response export(@PathParam("month") @Parameter(example = "2020-03") @Pattern(regexp = MONTH, message = "a month, yyyy-MM") String month) {
        YearMonth m = YearMonth.parse(month);
        boolean made = esf.export(m);
        return Response.status(made ? Response.Status.CREATED : Response.Status.OK).entity(esf.get(m)).build();
    }

    @GET
    @Path("/hourly-costs/{year}")
    @RolesAllowed({Roles.HR_ADMIN, Roles.PROJECT_LEAD})
    @Operation(operationId = "getHourlyCosts", summary = "A year's hourly wage costs, per occupation and the default")
    @APIResponse(responseCode = "200", description = "The costs",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HourlyCostsView.class)))
    public HourlyCostsView costs(@PathParam("year") @Min(2000) @Max(2100) int year) {
        return esf.hourlyCosts(year);
    }

    @PUT
    @Path("/hourly-costs/{year}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "putHourlyCosts",
            summary = "Set a year's hourly wage costs (replacing them); months exported before keep the costs they had")
    @APIResponse(responseCode = "200", description = "As stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HourlyCostsView.class)))
    public HourlyCostsView putCosts(@PathParam("year") @Min(2000) @Max(2100) int year, @NotNull @Valid HourlyCostsView input) {
        return esf.putHourlyCosts(year, input);
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().findFirst()
                .map(t -> t.getType().equals("text") && t.getSubtype().equals("csv")).orElse(false);
    }
}
