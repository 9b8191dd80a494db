package io.mubiao.report.briefing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import io.mubiao.problem.ProblemException;
import io.mubiao.report.calc.Cadence;

@Path("/api/briefings")
@Tag(name = "briefings")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
@SecurityRequirement(name = "SecurityScheme")
public class BriefingResource {

    public static final String MARKDOWN = "text/markdown; charset=UTF-8";
    public static final String HTML = "text/html; charset=UTF-8";
    private static final List<String> FORMATS = List.of("json", "markdown", "html");

    @Inject
    BriefingService briefings;

    @Inject
    CircularRenderer renderer;

    @GET
    @Path("/{cadence}")
    @Produces({ MediaType.APPLICATION_JSON, MARKDOWN, HTML })
    @Operation(summary = "The circular of a scope for a period: headline, rankings and the lists",
            description = "As of the date, over the period of the cadence that contains it (from its first day; "
                    + "daily: the date itself). For every indicator (or those of the group): the scope's own value "
                    + "with its change since the end of the previous period, year on year, gaps and rank among its "
                    + "siblings; the ranking of its children (or descendants at a level, of a kind); and the lists "
                    + "top, belowAverage, behindMilestone, bottom, notReported, mostImproved, imbalance and "
                    + "projections, keyed by indicator code. format=markdown or html gives the circular a "
                    + "supervisor reads, in zh-CN or en. A date before any data gives a well-formed briefing with "
                    + "NO_DATA entries and empty lists. The scope must lie inside the caller's area.")
    @APIResponse(responseCode = "200", description = "The briefing (JSON) or the circular (Markdown, HTML)",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Briefing.class),
                            examples = @ExampleObject(name = "daily briefing", value = BriefingExamples.JSON)),
                    @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "zh-CN circular", value = BriefingExamples.MARKDOWN)),
                    @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "printable circular", value = BriefingExamples.HTML)) })
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed, or lang or format is "
            + "not one of those offered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown language", value = BriefingExamples.BAD_QUERY)))
    @APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = BriefingExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The scope lies outside the caller's area, or the token has no "
            + "role of the suite",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "outside the area", value = BriefingExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "The cadence, the scope or the group is unknown (for every "
            + "caller, before the area is checked)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown cadence", value = BriefingExamples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "The level does not lie below the scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response brief(
            @Parameter(description = "daily, weekly, dekad, monthly, quarterly, half-year or annual", required = true)
            @RestPath String cadence,
            @Parameter(description = "Org unit the circular is about; its children (or descendants) are ranked",
                    required = true) @RestQuery String scope,
            @Parameter(description = "As-of date, YYYY-MM-DD; default today in the service's time zone")
            @RestQuery String date,
            @Parameter(description = "zh-CN (default) or en; the language of the Markdown and HTML circular")
            @RestQuery String lang,
            @Parameter(description = "json (default), markdown or html") @RestQuery String format,
            @Parameter(description = "Rank all descendants of the scope at this level (1 = root) instead of its children")
            @RestQuery String level,
            @Parameter(description = "Rank only units of this kind (region, department, …)") @RestQuery String kind,
            @Parameter(description = "Only the indicators of this group (all indicators without it)")
            @RestQuery String group) {
        QueryParams params = new QueryParams();
        params.code("scope", scope);
        LocalDate day = params.date("date", date);
        String language = lang == null || lang.isBlank() ? "zh-CN" : lang;
        Optional<Wording> words = Wording.forLang(language);
        if (words.isEmpty()) {
            params.fail("lang", "must be zh-CN or en, not " + lang);
        }
        String shape = format == null || format.isBlank() ? "json" : format;
        if (!FORMATS.contains(shape)) {
            params.fail("format", "must be json, markdown or html, not " + format);
        }
        Integer depth = params.wholeNumber("level", level);
        params.throwIfFailed();
        Cadence period = Cadence.fromPath(cadence).orElseThrow(() -> ProblemException.notFound("cadence " + cadence
                + " is unknown: use one of "
                + Arrays.stream(Cadence.values()).map(Cadence::path).collect(Collectors.joining(", "))));
        BriefingService.Result result = briefings.brief(new BriefingQuery(period, scope, day, depth,
                QueryParams.blankToNull(kind), QueryParams.blankToNull(group)));
        return switch (shape) {
            case "markdown" -> Response.ok(renderer.markdown(result, words.get()), MARKDOWN).build();
            case "html" -> Response.ok(renderer.html(result, words.get()), HTML).build();
            default -> Response.ok(result.briefing(), MediaType.APPLICATION_JSON).build();
        };
    }
}
