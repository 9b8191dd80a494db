package io.mubiao.progress.query;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.mubiao.access.Roles;
import io.mubiao.problem.Problem;
import io.mubiao.progress.Examples;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Stored reports out over HTTP: translates between HTTP and {@link ProgressQueries}. Every role reads; all but
 * admins only the units inside their area.
 */
@Path("/api/progress")
@Tag(name = "progress")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
@SecurityRequirement(name = "SecurityScheme")
// The same refusals for both queries.
@APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The org unit lies outside the caller's area (its token's orgUnit "
        + "and the units below it), or the token has no role of the suite",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "outside the area", value = Examples.FORBIDDEN)))
@APIResponse(responseCode = "404", description = "Unknown org unit or indicator (for every caller, before the area "
        + "is checked)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
public class QueryResource {

    @Inject
    ProgressQueries queries;

    @GET
    @Operation(summary = "The series of one unit and indicator: the latest revision of each reported date",
            description = "Dates without a report are absent; from and to are inclusive and optional. Admins read "
                    + "every unit; supervisors and reporters only their token's orgUnit and the units below it.")
    @APIResponse(responseCode = "200", description = "The series, by date",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Series.class),
                    examples = @ExampleObject(name = "series", value = Examples.SERIES)))
    @APIResponse(responseCode = "400", description = "A parameter missing or not a code or date, or from after to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = Examples.QUERY_PROBLEM)))
    public Series series(
            @Parameter(description = "Org unit code", required = true) @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Indicator code", required = true) @QueryParam("indicator") String indicator,
            @Parameter(description = "First date, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "Last date, YYYY-MM-DD") @QueryParam("to") String to) {
        return queries.series(orgUnit, indicator, from, to);
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every revision of one unit's report for one indicator and date, oldest first",
            description = "Each revision says who stored it (reportedBy: the token's subject, or kafka:<topic>) and "
                    + "when (recordedAt). Admins read every unit; supervisors and reporters only their token's "
                    + "orgUnit and the units below it.")
    @APIResponse(responseCode = "200", description = "The revisions; empty when that date was never reported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = History.class),
                    examples = @ExampleObject(name = "history", value = Examples.HISTORY)))
    @APIResponse(responseCode = "400", description = "A parameter missing or not a code or date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing", value = Examples.QUERY_PROBLEM)))
    public History history(
            @Parameter(description = "Org unit code", required = true) @QueryParam("orgUnit") String orgUnit,
            @Parameter(description = "Indicator code", required = true) @QueryParam("indicator") String indicator,
            @Parameter(description = "The date, YYYY-MM-DD", required = true) @QueryParam("date") String date) {
        return queries.history(orgUnit, indicator, date);
    }
}
