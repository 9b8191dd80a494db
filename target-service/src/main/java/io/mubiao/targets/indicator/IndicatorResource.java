package io.mubiao.targets.indicator;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "What is measured: filing rates, investment, kindergartens built, …")
@SecurityRequirement(name = AccessDocs.SCHEME)
@APIResponse(responseCode = "401", description = AccessDocs.UNAUTHORIZED,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
public class IndicatorResource {

    @Inject
    IndicatorService service;

    @Inject
    Caller caller;

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or update an indicator",
            description = "The change is recorded with the token's subject and the time (changedBy, changedAt). "
                    + "Admin only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = IndicatorRequest.class),
            examples = @ExampleObject(name = "filing rate", value = Examples.INDICATOR_PUT)))
    @APIResponse(responseCode = "201", description = "The indicator was created",
            content = @Content(schema = @Schema(implementation = IndicatorResponse.class),
                    examples = @ExampleObject(name = "indicator", value = Examples.INDICATOR)))
    @APIResponse(responseCode = "200", description = "The indicator existed and now has this state",
            content = @Content(schema = @Schema(implementation = IndicatorResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The measure would change while targets exist for the indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Bad code, empty name or unit, unknown measure or direction, "
            + "decimals outside 0–6; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.WRITE_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "supervisor", value = Examples.FORBIDDEN)))
    public RestResponse<IndicatorResponse> put(
            @Parameter(description = "code of the indicator", example = "annual-report.enterprise")
            @PathParam("code") @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String code,
            @Valid @NotNull IndicatorRequest request) {
        IndicatorService.Saved saved = service.put(code, request, caller.subject());
        return saved.created()
                ? RestResponse.status(RestResponse.Status.CREATED, saved.indicator())
                : RestResponse.ok(saved.indicator());
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
    @Operation(summary = "List indicators, optionally of one group, sorted by code")
    @APIResponse(responseCode = "200", description = "The indicators; empty when none match",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = IndicatorResponse.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<IndicatorResponse> list(
            @Parameter(description = "only indicators of this group", example = "annual-report")
            @QueryParam("group") String group) {
        return service.list(group);
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
    @Operation(summary = "Get an indicator")
    @APIResponse(responseCode = "200", description = "The indicator",
            content = @Content(schema = @Schema(implementation = IndicatorResponse.class),
                    examples = @ExampleObject(name = "indicator", value = Examples.INDICATOR)))
    @APIResponse(responseCode = "404", description = "No indicator has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IndicatorResponse get(@PathParam("code") String code) {
        return service.get(code);
    }
}
