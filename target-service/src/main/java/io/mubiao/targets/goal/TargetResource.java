package io.mubiao.targets.goal;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.mubiao.access.Caller;
import io.mubiao.access.Roles;
import io.mubiao.problem.Problem;
import io.mubiao.targets.AccessDocs;
import io.mubiao.targets.Codes;
import io.mubiao.targets.Examples;

@Path("/api/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets", description = "The yearly target of an org unit for an indicator, with staged milestones")
@SecurityRequirement(name = AccessDocs.SCHEME)
@APIResponse(responseCode = "401", description = AccessDocs.UNAUTHORIZED,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
public class TargetResource {

    static final int FIRST_YEAR = 1990;
    static final int LAST_YEAR = 2100;

    @Inject
    TargetService service;

    @Inject
    Caller caller;

    @PUT
    @Path("{indicator}/{orgUnit}/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace the target of an org unit for an indicator and year",
            description = "kind defaults to VALUE, start to 0, trajectory to LINEAR for VALUE targets of RATIO and "
                    + "CUMULATIVE indicators and FLAT otherwise. Milestones are stored and published as given; the "
                    + "year-end value counts as the milestone of 31 December when none is given for that day. "
                    + "Each change becomes a new version, recorded with the token's subject and the time (see the "
                    + "history). Admin only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TargetRequest.class),
            examples = @ExampleObject(name = "filing rate countdown", value = Examples.TARGET_PUT)))
    @APIResponse(responseCode = "201", description = "The target was created",
            content = @Content(schema = @Schema(implementation = TargetResponse.class),
                    examples = @ExampleObject(name = "target", value = Examples.TARGET)))
    @APIResponse(responseCode = "200", description = "The target existed and now has this state",
            content = @Content(schema = @Schema(implementation = TargetResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a date that is not YYYY-MM-DD",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown indicator or org unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A rule is broken: missing value, due date outside the year or "
            + "not ascending, a RATIO target outside 0–100, falling milestones of a HIGHER_IS_BETTER target, an "
            + "unknown kind or trajectory. Each error names its field, milestones by index (milestones[2].due)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "due outside the year", value = Examples.INVALID)))
    @APIResponse(responseCode = "403", description = AccessDocs.WRITE_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "reporter", value = Examples.FORBIDDEN)))
    public RestResponse<TargetResponse> put(
            @Parameter(description = "indicator code", example = "annual-report.enterprise")
            @PathParam("indicator") @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String indicator,
            @Parameter(description = "org unit code", example = "FJ")
            @PathParam("orgUnit") @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String orgUnit,
            @Parameter(description = "calendar year", example = "2026")
            @PathParam("year") @Min(FIRST_YEAR) @Max(LAST_YEAR) int year,
            @Valid @NotNull TargetRequest request) {
        TargetService.Saved saved = service.put(indicator, orgUnit, year, request, caller.subject());
        return saved.created()
                ? RestResponse.status(RestResponse.Status.CREATED, saved.target())
                : RestResponse.ok(saved.target());
    }

    @GET
    @Path("{indicator}/{orgUnit}/{year}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
    @Operation(summary = "Get the target of an org unit for an indicator and year")
    @APIResponse(responseCode = "200", description = "The target",
            content = @Content(schema = @Schema(implementation = TargetResponse.class),
                    examples = @ExampleObject(name = "target", value = Examples.TARGET)))
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TargetResponse get(@PathParam("indicator") String indicator, @PathParam("orgUnit") String orgUnit,
            @PathParam("year") int year) {
        return service.get(indicator, orgUnit, year);
    }

    @GET
    @Path("{indicator}/{orgUnit}/{year}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
    @Operation(summary = "Every version of a target, oldest first, with who made it and when",
            description = "The current version comes last. A PUT that changes nothing makes no version.")
    @APIResponse(responseCode = "200", description = "The versions, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TargetVersionResponse.class),
                    examples = @ExampleObject(name = "created, then a milestone added",
                            value = Examples.TARGET_HISTORY)))
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TargetVersionResponse> history(@PathParam("indicator") String indicator,
            @PathParam("orgUnit") String orgUnit, @PathParam("year") int year) {
        return service.history(indicator, orgUnit, year);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
    @Operation(summary = "List targets, filtered by indicator, year and parent (the targets of its direct children)")
    @APIResponse(responseCode = "200", description = "The targets, sorted by indicator, org unit and year",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TargetResponse.class)))
    @APIResponse(responseCode = "422", description = "Unknown indicator or parent, or a year that is not a number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TargetResponse> list(
            @Parameter(description = "indicator code", example = "annual-report.enterprise")
            @QueryParam("indicator") String indicator,
            @Parameter(description = "calendar year", schema = @Schema(type = SchemaType.INTEGER), example = "2026")
            @QueryParam("year") @Pattern(regexp = "\\d{4}", message = "must be a year such as 2026") String year,
            @Parameter(description = "org unit whose direct children's targets are listed", example = "FJ")
            @QueryParam("parent") String parent) {
        return service.list(indicator, year == null ? null : Integer.valueOf(year), parent);
    }

    @PUT
    @Path("{indicator}/{orgUnit}/{year}/allocation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Allocate a target over direct children of its org unit, replacing the previous allocation",
            description = "Each child gets a target of the parent's kind and trajectory, written as a PUT would be "
                    + "(a new version and a TargetChanged event when it changes). For a CUMULATIVE VALUE target the "
                    + "children's values add up to the parent's value exactly; otherwise each child's value stands "
                    + "alone. Child milestones keep the parent's due dates and shape: each parent milestone scaled by "
                    + "child value / parent value, rounded to the indicator's decimals (a milestone equal to the "
                    + "parent's value becomes the child's value). A CUMULATIVE VALUE start is scaled the same way, "
                    + "otherwise copied. The parent's target lists the allocation; children left out of a "
                    + "re-allocation keep their targets. All or nothing, in one transaction. Admin only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = AllocationRequest.class),
            examples = @ExampleObject(name = "investment split over two cities", value = Examples.ALLOCATION_PUT)))
    @APIResponse(responseCode = "200", description = "The children's targets, in the order given",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TargetResponse.class),
                    examples = @ExampleObject(name = "two cities", value = Examples.ALLOCATION)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a value of the wrong JSON type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown indicator, or the org unit has no target for the "
            + "indicator and year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No children; a child that is unknown, not a direct child or "
            + "given twice (children[i].orgUnit); CUMULATIVE VALUE children that do not add up to the parent's value "
            + "(children, with the signed difference in the indicator's unit); or a child target that would break a "
            + "target rule (children[i].value, children[i].milestones[j].value)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "misses by 3", value = Examples.ALLOCATION_MISSES)))
    @APIResponse(responseCode = "403", description = AccessDocs.WRITE_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "reporter", value = Examples.FORBIDDEN)))
    public List<TargetResponse> allocate(
            @Parameter(description = "indicator code", example = "investment")
            @PathParam("indicator") @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String indicator,
            @Parameter(description = "org unit code of the parent target", example = "FJ")
            @PathParam("orgUnit") @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String orgUnit,
            @Parameter(description = "calendar year", example = "2026")
            @PathParam("year") @Min(FIRST_YEAR) @Max(LAST_YEAR) int year,
            @Valid @NotNull AllocationRequest request) {
        return service.allocate(indicator, orgUnit, year, request, caller.subject());
    }
}
