package se.kasam.evaluation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.kasam.evaluation.mapping.EvaluationReport;
import se.kasam.evaluation.render.ReportPage;
import se.kasam.evaluation.render.ReportPdf;
import se.kasam.evaluation.rules.ReportQuery;
import se.kasam.evaluation.service.ReportService;
import se.kasam.platform.security.Roles;

/**
 * The programme evaluation: project lead, evaluator and hr-admin for any unit, a manager for the units they manage
 * (each service decides that with the caller's own token). As JSON, as a page, and as a PDF.
 */
@Path("/api/evaluation")
@Tag(name = "Programme evaluation")
public class ReportResource {
    private static final String UNKNOWN = "No such unit or survey round, or (a manager) not a unit they manage";
    private static final String BAD = "A period, unit or round id that breaks its rule (the problem names it)";

    @Inject
    ReportService reports;

    @Inject
    ReportPage page;

    @GET
    @Path("/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getEvaluationReport",
            summary = "The programme evaluation: participation, survey change, sick leave and the ESF headings")
    @APIResponse(responseCode = "200", description = "The report; a section a service could not give is UNAVAILABLE with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvaluationReport.class)))
    @APIResponse(responseCode = "400", description = BAD)
    @APIResponse(responseCode = "404", description = UNKNOWN)
    public EvaluationReport report(@BeanParam ReportParameters query) {
        return compose(query);
    }

    @GET
    @Path("/report.html")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getEvaluationReportPage",
            summary = "The report as a page to read and print (Swedish), with SVG charts and a table behind each")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = BAD)
    @APIResponse(responseCode = "404", description = UNKNOWN)
    public String reportPage(@BeanParam ReportParameters query) {
        return page.render(compose(query));
    }

    @GET
    @Path("/report.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.PROJECT_LEAD, Roles.EVALUATOR, Roles.HR_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getEvaluationReportPdf", summary = "The report as a PDF, for the ESF final report")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = BAD)
    @APIResponse(responseCode = "404", description = UNKNOWN)
    public Response reportPdf(@BeanParam ReportParameters query) {
        byte[] pdf = ReportPdf.of(page.render(compose(query)));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"kasam-utvardering" + (query.unit == null ? "" : "-" + query.unit) + ".pdf\"")
                .build();
    }

    private EvaluationReport compose(ReportParameters p) {
        ReportQuery query = reports.query(p.unit, p.before, p.during, p.after, p.baseline, p.followUp);
        return reports.report(query);
    }
}
