package io.mubiao.target.orgunit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import io.mubiao.target.AccessDocs;
import io.mubiao.target.Codes;
import io.mubiao.target.Examples;

@Path("/api/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Org units", description = "The tree of units that targets are handed down (province → city → county → …)")
@SecurityRequirement(name = AccessDocs.SCHEME)
@APIResponse(responseCode = "401", description = AccessDocs.UNAUTHORIZED,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
public class OrgUnitResource {

    @Inject
    OrgUnitService service;

    @Inject
    Caller caller;

    @PUT
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or update an org unit",
            description = "Moving a unit under another parent updates the level and path of its whole subtree. "
                    + "A unit cannot be moved under itself or one of its descendants. Every unit changed is "
                    + "recorded with the token's subject and the time (changedBy, changedAt). Admin only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = OrgUnitRequest.class),
            examples = @ExampleObject(name = "city", value = Examples.ORG_UNIT_PUT)))
    @APIResponse(responseCode = "201", description = "The unit was created",
            content = @Content(schema = @Schema(implementation = OrgUnitResponse.class),
                    examples = @ExampleObject(name = "unit", value = Examples.ORG_UNIT)))
    @APIResponse(responseCode = "200", description = "The unit existed and now has this state",
            content = @Content(schema = @Schema(implementation = OrgUnitResponse.class),
                    examples = @ExampleObject(name = "unit", value = Examples.ORG_UNIT)))
    @APIResponse(responseCode = "400", description = "Malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed", value = Examples.MALFORMED)))
    @APIResponse(responseCode = "422", description = "Bad code or name, unknown parent, or a cycle; "
            + "errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.WRITE_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "reporter", value = Examples.FORBIDDEN)))
    public RestResponse<OrgUnitResponse> put(
            @Parameter(description = "code of the unit", example = "FJ-FZ")
            @PathParam("code") @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String code,
            @Valid @NotNull OrgUnitRequest request) {
        OrgUnitService.Saved saved = service.put(code, request, caller.subject());
        return saved.created()
                ? RestResponse.status(RestResponse.Status.CREATED, saved.unit())
                : RestResponse.ok(saved.unit());
    }

    @POST
    @Path("import")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import many org units at once, in any order",
            description = "Rows may come in any order: parents after their children, or already stored. Valid rows "
                    + "are stored; each rejected row (bad code, empty name, unknown or rejected parent, cycle, the "
                    + "same code with different parents) is listed with its index. A code repeated with the same "
                    + "parent is applied in file order. Stored units below a moved unit get their new path too. "
                    + "An empty parent means a root; kind defaults to region. Every unit changed is recorded with the "
                    + "token's subject and the time. Admin only.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrgUnitImportRow.class),
            examples = @ExampleObject(name = "reverse order", value = Examples.ORG_UNIT_IMPORT)))
    @APIResponse(responseCode = "200", description = "Every row was stored (or already matched)",
            content = @Content(schema = @Schema(implementation = OrgUnitImportSummary.class)))
    @APIResponse(responseCode = "207", description = "Some rows were rejected, the others stored",
            content = @Content(schema = @Schema(implementation = OrgUnitImportSummary.class),
                    examples = @ExampleObject(name = "partial", value = Examples.ORG_UNIT_IMPORT_PARTIAL)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or not an array",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Every row was rejected (a problem document carrying the "
            + "summary), or the array is empty",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrgUnitImportRejected.class),
                    examples = @ExampleObject(name = "all rejected", value = Examples.ORG_UNIT_IMPORT_REJECTED)))
    @APIResponse(responseCode = "403", description = AccessDocs.WRITE_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "reporter", value = Examples.FORBIDDEN)))
    public Response importUnits(List<OrgUnitImportRow> rows) {
        OrgUnitImportSummary summary = service.importUnits(rows, caller.subject());
        if (summary.rejected() == 0) {
            return Response.ok(summary).build();
        }
        if (summary.rejected() < summary.received()) {
            return Response.status(207).entity(summary).build();
        }
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(OrgUnitImportRejected.of(summary)).build();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
    @Operation(summary = "Get an org unit")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = OrgUnitResponse.class),
                    examples = @ExampleObject(name = "unit", value = Examples.ORG_UNIT)))
    @APIResponse(responseCode = "404", description = "No unit has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrgUnitResponse get(@PathParam("code") String code) {
        return service.get(code);
    }

    @GET
    @Path("{code}/children")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.REPORTER })
    @Operation(summary = "List the direct children of an org unit, sorted by code")
    @APIResponse(responseCode = "200", description = "The children; empty for a leaf",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrgUnitResponse.class)))
    @APIResponse(responseCode = "404", description = "No unit has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<OrgUnitResponse> children(@PathParam("code") String code) {
        return service.children(code);
    }
}
