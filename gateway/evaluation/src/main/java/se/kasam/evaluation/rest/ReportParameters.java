package se.kasam.evaluation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query of every form of the report ({@code @BeanParam}); checked by ReportQuery, which names the field. */
public class ReportParameters {
    private static final String PERIOD = "First and last month, yyyy-MM/yyyy-MM; by default the configured period";
    private static final String PERIOD_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])/[0-9]{4}-(0[1-9]|1[0-2])$";
    private static final String ROUND = "A survey round's id; name both rounds or neither (the first and the last closed)";

    @QueryParam("unit")
    @Parameter(description = "A unit code: its subtree; by default the whole municipality (a manager must name a unit "
            + "they manage)")
    public String unit;

    @QueryParam("before")
    @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN))
    public String before;

    @QueryParam("during")
    @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN))
    public String during;

    @QueryParam("after")
    @Parameter(description = PERIOD, schema = @Schema(type = SchemaType.STRING, pattern = PERIOD_PATTERN))
    public String after;

    @QueryParam("baseline")
    @Parameter(description = ROUND, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String baseline;

    @QueryParam("followUp")
    @Parameter(description = ROUND, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String followUp;
}
