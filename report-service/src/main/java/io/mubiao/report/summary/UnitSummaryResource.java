package io.mubiao.report.summary;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.mubiao.access.Roles;
import io.mubiao.problem.Problem;
import io.mubiao.report.QueryParams;

@Path("/api/units/{orgUnit}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "summaries")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
@SecurityRequirement(name = "SecurityScheme")
public class UnitSummaryResource {

    @Inject
    UnitSummaryService summaries;

    @GET
    @Operation(summary = "Every indicator of a unit, with its rank among its siblings",
            description = "For every indicator of the read model (in code order, with NO_DATA or NO_TARGET where "
                    + "the unit has no figure or no target): the unit's value as of the date, year on year, target, "
                    + "trajectory and status, exactly as in the ranking of its parent's children of the unit's "
                    + "kind, with its rank there and the number of units ranked (`of`, ranked or not). A root "
                    + "unit has no siblings: rank and of are null. Admins read every unit; supervisors and "
                    + "reporters only units inside their area.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnitSummary.class),
                    examples = @ExampleObject(name = "summary", value = Examples.SUMMARY)))
    @APIResponse(responseCode = "400", description = "The date is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "bad date", value = Examples.BAD_DATE)))
    @APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's area, or the token has no "
            + "role of the suite",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside the area", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "The unit is unknown (for every caller, before the area is "
            + "checked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown unit", value = Examples.NOT_FOUND)))
    public UnitSummary summary(
            @Parameter(description = "Org unit code", required = true) @RestPath String orgUnit,
            @Parameter(description = "As-of date, YYYY-MM-DD; default today in the service's time zone")
            @RestQuery String date) {
        QueryParams params = new QueryParams();
        LocalDate day = params.date("date", date);
        params.throwIfFailed();
        return summaries.summarise(orgUnit, day);
    }
}
