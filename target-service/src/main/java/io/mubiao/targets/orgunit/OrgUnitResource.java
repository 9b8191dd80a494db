package io.mubiao.targets.orgunit;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.access.Caller;
import io.mubiao.access.Roles;
import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;
import io.mubiao.targets.AccessDocs;
import io.mubiao.targets.Codes;
import io.mubiao.targets.Examples;

@Path("/api/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Org units", description = "The tree of units that targets are handed down (province → city → county → …)")
@SecurityRequirement(name = AccessDocs.SCHEME)
@APIResponse(responseCode = "401", description = AccessDocs.UNAUTHORIZED,
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
public class OrgUnitResource {

    static final String CSV = "text/csv";
    static final String TOTAL_COUNT = "X-Total-Count";
    static final String PAGE = "X-Page";
    static final String PAGE_SIZE = "X-Page-Size";
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    private static final TypeReference<List<OrgUnitImportRow>> ROWS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

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
    @Consumes({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import many org units at once, in any order, from JSON or CSV",
            description = "The body is a JSON array of {code, name, parent?, kind?} or text/csv (UTF-8, a byte order "
                    + "mark is ignored; RFC 4180 quoting; CRLF or LF; first line the header code,name,parent[,kind], "
                    + "column names in any case and order; blank lines at the end are ignored). "
                    + "Rows may come in any order: parents after their children, or already stored. Valid rows "
                    + "are stored; each rejected row (bad code, empty name, unknown or rejected parent, cycle, the "
                    + "same code with different parents) is listed with its index: the position in the JSON array, "
                    + "or for CSV the 0-based data row (the header is not counted: the first unit is row 0). "
                    + "A code repeated with the same parent is applied in file order. Stored units below a moved unit "
                    + "get their new path too. An empty parent means a root; kind defaults to region. With "
                    + "?dryRun=true the import is validated and the same summary returned (same status), but nothing "
                    + "is stored or published. Every unit changed is recorded with the token's subject and the time. "
                    + "Admin only.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OrgUnitImportRow.class),
                    examples = @ExampleObject(name = "reverse order", value = Examples.ORG_UNIT_IMPORT)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "UTF-8 CSV with the header code,name,parent[,kind]"),
                    examples = @ExampleObject(name = "spreadsheet export", value = OrgUnitExamples.IMPORT_CSV)) })
    @APIResponse(responseCode = "200", description = "Every row was stored (or already matched), or with dryRun "
            + "would be",
            content = @Content(schema = @Schema(implementation = OrgUnitImportSummary.class),
                    examples = { @ExampleObject(name = "stored", value = OrgUnitExamples.IMPORT_OK),
                            @ExampleObject(name = "dry run", value = OrgUnitExamples.IMPORT_DRY_RUN) }))
    @APIResponse(responseCode = "207", description = "Some rows were rejected, the others stored (with dryRun: "
            + "would be stored)",
            content = @Content(schema = @Schema(implementation = OrgUnitImportSummary.class),
                    examples = @ExampleObject(name = "partial", value = Examples.ORG_UNIT_IMPORT_PARTIAL)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or not an array; a CSV that is not UTF-8, "
            + "has broken quoting, or lacks the header code,name,parent[,kind] (errors[].field is header); "
            + "dryRun not true or false",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "bad CSV header", value = OrgUnitExamples.BAD_HEADER),
                            @ExampleObject(name = "malformed JSON", value = Examples.MALFORMED) }))
    @APIResponse(responseCode = "415", description = "The body is neither application/json nor text/csv, "
            + "or a charset other than UTF-8 is declared",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unsupported", value = OrgUnitExamples.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "Every row was rejected (a problem document carrying the "
            + "summary), or the import holds no rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrgUnitImportRejected.class),
                    examples = @ExampleObject(name = "all rejected", value = Examples.ORG_UNIT_IMPORT_REJECTED)))
    @APIResponse(responseCode = "403", description = AccessDocs.WRITE_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "reporter", value = Examples.FORBIDDEN)))
    public Response importUnits(
            @Parameter(description = "true: validate and report only, store and publish nothing; default false",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) throws IOException {
        boolean dry = parseBoolean("dryRun", dryRun);
        MediaType type = contentType == null ? MediaType.APPLICATION_JSON_TYPE : MediaType.valueOf(contentType);
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new ProblemException(415, "Unsupported Media Type",
                    "charset " + charset + " is not supported: send UTF-8", null);
        }
        OrgUnitImportSummary summary;
        if (type.isCompatible(MediaType.valueOf(CSV))) {
            OrgUnitCsv.Parsed parsed = OrgUnitCsv.parse(body);
            summary = service.importUnits(parsed.rows(), parsed.errors(), caller.subject(), dry);
        } else {
            // a JsonProcessingException reaches the shared problem mappers: 400 as for every JSON body
            List<OrgUnitImportRow> rows = json.readValue(body, ROWS);
            summary = service.importUnits(rows, Map.of(), caller.subject(), dry);
        }
        if (summary.rejected() == 0) {
            return Response.ok(summary).type(MediaType.APPLICATION_JSON).build();
        }
        if (summary.rejected() < summary.received()) {
            return Response.status(207).type(MediaType.APPLICATION_JSON).entity(summary).build();
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
    @Operation(summary = "List the direct children of an org unit, sorted by code, one page at a time",
            description = "The body stays an array of units (as API.md fixes it); the paging is in headers: "
                    + "X-Total-Count (children in all), X-Page and X-Page-Size (the page served). Pages count from 0; "
                    + "a page beyond the end is an empty array with the total.")
    @APIResponse(responseCode = "200", description = "One page of children; empty for a leaf or beyond the end",
            headers = {
                    @Header(name = TOTAL_COUNT, description = "how many direct children the unit has",
                            schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PAGE, description = "the page served, from 0",
                            schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = PAGE_SIZE, description = "the page size used",
                            schema = @Schema(type = SchemaType.INTEGER)) },
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrgUnitResponse.class),
                    examples = @ExampleObject(name = "children", value = OrgUnitExamples.CHILDREN)))
    @APIResponse(responseCode = "400", description = "page or size is not a whole number (errors[].field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not a number", value = OrgUnitExamples.NOT_A_NUMBER)))
    @APIResponse(responseCode = "422", description = "page below 0, or size outside 1–" + MAX_PAGE_SIZE
            + " (errors[].field names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "size too large", value = OrgUnitExamples.BAD_PAGE)))
    @APIResponse(responseCode = "404", description = "No unit has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "403", description = AccessDocs.READ_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<List<OrgUnitResponse>> children(@PathParam("code") String code,
            @Parameter(description = "page number, from 0", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "children per page, 1–" + MAX_PAGE_SIZE, schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "1000", defaultValue = "100")) @QueryParam("size") String size) {
        int pageNumber = parseInt("page", page, 0);
        int pageSize = parseInt("size", size, DEFAULT_PAGE_SIZE);
        if (pageNumber < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        OrgUnitService.ChildrenPage result = service.children(code, pageNumber, pageSize);
        return RestResponse.ResponseBuilder.ok(result.units())
                .header(TOTAL_COUNT, result.total())
                .header(PAGE, pageNumber)
                .header(PAGE_SIZE, pageSize)
                .build();
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an org unit that has no children and no targets",
            description = "Publishes a tombstone (the unit's code with a null value) to reference.org-units in the "
                    + "same transaction. Refused with 409 while the unit has children or targets; the problem "
                    + "says how many of each. Admin only.")
    @APIResponse(responseCode = "204", description = "The unit was deleted")
    @APIResponse(responseCode = "404", description = "No unit has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The unit still has children or targets (the detail counts them)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "has children", value = OrgUnitExamples.HAS_CHILDREN)))
    @APIResponse(responseCode = "403", description = AccessDocs.WRITE_FORBIDDEN,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "reporter", value = Examples.FORBIDDEN)))
    public RestResponse<Void> delete(@Parameter(description = "code of the unit", example = "FJ-FZ-GL")
            @PathParam("code") @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String code) {
        service.delete(code, caller.subject());
        return RestResponse.noContent();
    }

    private static int parseInt(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw badParameter(name, "'" + value + "' is not a whole number");
        }
    }

    private static boolean parseBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw badParameter(name, "'" + value + "' is neither true nor false");
        };
    }

    private static ProblemException badParameter(String name, String message) {
        return new ProblemException(400, "Bad Request", name + ": " + message,
                List.of(Problem.FieldError.of(name, message)));
    }
}
