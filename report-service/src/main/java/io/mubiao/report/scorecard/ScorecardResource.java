package io.mubiao.report.scorecard;

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
import org.jboss.resteasy.reactive.RestQuery;

import io.mubiao.access.Roles;
import io.mubiao.problem.Problem;
import io.mubiao.report.QueryParams;

@Path("/api/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "scorecards")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
@SecurityRequirement(name = "SecurityScheme")
public class ScorecardResource {


    @Inject
    ScorecardService scorecards;

    @GET
    @Operation(summary = "The scope's children × indicators, each cell with value, status and trend",
            description = "One row per child of the scope (of every kind, in code order) and one column per "
                    + "indicator (every indicator, or those of `group`, in code order). A cell holds the value "
                    + "as of the date and the status exactly as in the ranking of the scope's children, the "
                    + "value as of `compareWith` (default a week before the date) as `previous`, and the trend "
                    + "between them in the indicator's direction: IMPROVING, STEADY or WORSENING (null when "
                    + "either value is missing). The `average` row is the scope itself: its roll-up (the "
                    + "ranking's parentValue) judged against its own target. Admins read every scope; "
                    + "supervisors and reporters only scopes inside their area.")
    @APIResponse(responseCode = "200", description = "The scorecard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Scorecard.class),
                    examples = @ExampleObject(name = "scorecard", value = Examples.SCORECARD)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing scope", value = Examples.BAD_QUERY)))
    @APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The scope lies outside the caller's area, or the token has "
            + "no role of the suite",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside the area", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "The scope is unknown (for every caller, before the area is "
            + "checked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown scope", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "No indicator is in the group, or compareWith does not lie "
            + "before the date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown group", value = Examples.UNKNOWN_GROUP)))
    public Scorecard scorecard(
            @Parameter(description = "Org unit whose children make the rows", required = true)
            @RestQuery String scope,
            @Parameter(description = "As-of date, YYYY-MM-DD; default today in the service's time zone")
            @RestQuery String date,
            @Parameter(description = "Only the indicators of this group") @RestQuery String group,
            @Parameter(description = "The date each cell's trend compares with, YYYY-MM-DD, before `date`; "
                    + "default 7 days before `date`")
            @RestQuery String compareWith) {
        QueryParams params = new QueryParams();
        params.code("scope", scope);
        LocalDate day = params.date("date", date);
        LocalDate before = params.date("compareWith", compareWith);
        params.throwIfFailed();
        return scorecards.scorecard(scope, day, QueryParams.blankToNull(group), before);
    }
}
