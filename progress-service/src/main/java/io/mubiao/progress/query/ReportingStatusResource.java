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
 * Who has reported, over HTTP: translates between HTTP and {@link ReportingStatusQuery}. Every role reads; all
 * but admins only for a parent inside their area.
 */
@Path("/api/reporting-status")
@Tag(name = "progress")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
@SecurityRequirement(name = "SecurityScheme")
public class ReportingStatusResource {

    @Inject
    ReportingStatusQuery query;

    @GET
    @Operation(summary = "Which children of a unit have reported on a date",
            description = "For each direct child of parent (by code): reported is true when the child or any unit "
                    + "below it has a report dated date (of indicator, or of any indicator when indicator is left "
                    + "out), so a province asking about its cities counts a city whose counties reported; "
                    + "lastReportDate is the latest date on or before date with such a report (null if none); units "
                    + "counts the child's subtree, the child included, and reportedUnits those of them that reported "
                    + "on date. A correction counts as a report of its date. date defaults to today in the service's "
                    + "time zone (progress.time-zone). A unit without children answers an empty list. Admins ask "
                    + "about every unit; supervisors and reporters only about their token's orgUnit and the units "
                    + "below it.")
    @APIResponse(responseCode = "200", description = "The children, by code, and how many of them reported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportingStatus.class),
                    examples = @ExampleObject(name = "counties of a city", value = Examples.REPORTING_STATUS)))
    @APIResponse(responseCode = "400", description = "parent missing, parent or indicator not a code, or date not a "
            + "real date written YYYY-MM-DD",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad date", value = Examples.STATUS_BAD_DATE)))
    @APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "parent lies outside the caller's area (its token's orgUnit and "
            + "the units below it), or the token has no role of the suite",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside the area", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "Unknown parent (for every caller, before the area is checked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "Unknown indicator (for every caller, before the area is "
            + "checked); errors[].field is indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown indicator", value = Examples.UNKNOWN_INDICATOR)))
    public ReportingStatus status(
            @Parameter(description = "The unit whose direct children are listed", required = true, example = "FJ-FZ")
            @QueryParam("parent") String parent,
            @Parameter(description = "The day, YYYY-MM-DD; default today in progress.time-zone", example = "2026-04-15")
            @QueryParam("date") String date,
            @Parameter(description = "Only reports of this indicator; default any indicator",
                    example = "annual-report.enterprise")
            @QueryParam("indicator") String indicator) {
        return query.status(parent, date, indicator);
    }
}
