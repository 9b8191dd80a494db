package io.mubiao.report.ranking;

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

@Path("/api/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rankings")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
@SecurityRequirement(name = "SecurityScheme")
public class RankingResource {


    @Inject
    RankingService rankings;

    @GET
    @Operation(summary = "Rank the parent's children (or its descendants at a level) on an indicator",
            description = "Values as of the date (latest report on or before it); units without a report of their "
                    + "own roll up from their children: RATIO as a ratio of sums, CUMULATIVE as a sum, SNAPSHOT never. "
                    + "Standard competition ranks by the indicator's direction; units without data come last "
                    + "with rank null. Admins rank under any parent; supervisors and reporters only under a parent "
                    + "inside their area (their token's orgUnit or a unit below it).")
    @APIResponse(responseCode = "200", description = "The ranking",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RankingResult.class),
                    examples = @ExampleObject(name = "ranking", value = Examples.RANKING)))
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "missing indicator", value = Examples.BAD_QUERY)))
    @APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The parent lies outside the caller's area, or the token has no role "
            + "of the suite",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside the area", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "The indicator or the parent is unknown (for every caller, "
            + "before the area is checked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown indicator", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "The level does not lie below the parent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RankingResult rank(
            @Parameter(description = "Indicator code", required = true) @RestQuery String indicator,
            @Parameter(description = "Org unit whose children (or descendants) are ranked", required = true)
            @RestQuery String parent,
            @Parameter(description = "As-of date, YYYY-MM-DD; default today in the service's time zone")
            @RestQuery String date,
            @Parameter(description = "Rank all descendants of the parent at this level (1 = root) instead of its children")
            @RestQuery String level,
            @Parameter(description = "Rank only units of this kind (region, department, …)") @RestQuery String kind) {
        QueryParams params = new QueryParams();
        params.code("indicator", indicator);
        params.code("parent", parent);
        LocalDate day = params.date("date", date);
        Integer depth = params.wholeNumber("level", level);
        params.throwIfFailed();
        return rankings.rank(new RankingQuery(indicator, parent, day, depth, QueryParams.blankToNull(kind)));
    }
}
