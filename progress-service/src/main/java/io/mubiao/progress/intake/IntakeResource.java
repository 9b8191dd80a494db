package io.mubiao.progress.intake;

import java.io.IOException;
import java.io.InputStream;

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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.access.Caller;
import io.mubiao.access.Roles;
import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;
import io.mubiao.progress.Examples;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Reports in over HTTP: translates between HTTP and {@link IntakeService}. Admins and reporters write; each
 * report is recorded as the token's subject's, and a reporter only for units inside its area.
 */
@Path("/api/progress")
@Tag(name = "progress")
@SecurityRequirement(name = "SecurityScheme")
public class IntakeResource {

    static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    private static final int MULTI_STATUS = 207;

    @Inject
    IntakeService intake;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.REPORTER })
    @Consumes({ MediaType.APPLICATION_JSON, CSV })
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Report progress: one report, an array of up to 10,000, or up to 10,000 CSV rows",
            description = "Each report is validated against the org units and indicators published by target-service. "
                    + "Valid reports are stored even when others in the batch are rejected. The same eventId with the "
                    + "same content is a duplicate and changes nothing; with other content it is rejected. A report for "
                    + "a unit, indicator and date already reported is a correction: a new revision. A report without "
                    + "eventId that repeats the latest revision is a duplicate. Every stored revision is published to "
                    + "progress.recorded, with reportedBy = the token's subject. Admins report for every unit; a "
                    + "reporter only for its token's orgUnit and the units below it: a report for another unit is "
                    + "rejected (field orgUnit) like an invalid one, and a request whose every report is outside "
                    + "is refused with 403. Supervisors may not report. The body is JSON (a report or an array of "
                    + "them) or text/csv: UTF-8 (a byte order mark is ignored), RFC 4180 quoting (a value with a "
                    + "comma, a quote or a line break in double quotes, a quote doubled), CRLF or LF; the first line "
                    + "is a header naming the columns, the report's field names in any order and case: orgUnit, "
                    + "indicator and date required, eventId, value, numerator, denominator and note optional, any "
                    + "other is refused (400). Each later line is one report; an empty cell is an absent field; "
                    + "blank lines at the end are ignored. A CSV is validated exactly as the same reports in JSON, "
                    + "and its errors' index is the 0-based data row: row 0 is the first line after the header.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = { ReportRequest.class, ReportRequest[].class }),
                    examples = { @ExampleObject(name = "one report", value = Examples.REPORT),
                            @ExampleObject(name = "a batch", value = Examples.BATCH) }),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    description = "UTF-8 CSV; header: the report's field names, orgUnit, indicator and date required"),
                    examples = @ExampleObject(name = "spreadsheet export", value = Examples.CSV)) })
    @APIResponse(responseCode = "200", description = "Nothing rejected: every report stored or a duplicate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class),
                    examples = @ExampleObject(name = "stored", value = Examples.SUMMARY)))
    @APIResponse(responseCode = "207", description = "Some reports rejected (invalid, or for a unit outside the "
            + "reporter's area), the others stored; errors lists each fault with the item's index and eventId",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class),
                    examples = @ExampleObject(name = "partly rejected", value = Examples.PARTIAL)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a body that is neither a report nor an "
            + "array; a CSV that is not UTF-8, has no header, an unknown, repeated or missing required column "
            + "(errors[].field header), broken quoting or a line with more fields than the header (errors[].field "
            + "csv; the detail gives the line)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "malformed", value = Examples.MALFORMED),
                            @ExampleObject(name = "unknown CSV column", value = Examples.CSV_UNKNOWN_COLUMN),
                            @ExampleObject(name = "broken CSV quoting", value = Examples.CSV_MALFORMED) }))
    @APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin or a reporter (a plain problem "
            + "document), or every report is for a unit outside the reporter's area (a problem document that also "
            + "carries the import summary's fields, each refused report in errors with field orgUnit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class),
                    examples = { @ExampleObject(name = "outside the area", value = Examples.OUTSIDE),
                            @ExampleObject(name = "a supervisor", value = Examples.ROLE_FORBIDDEN) }))
    @APIResponse(responseCode = "413", description = "More reports (array items or CSV rows) than one request may "
            + "carry, or a body over 10 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = Examples.TOO_MANY)))
    @APIResponse(responseCode = "415", description = "The body is neither application/json nor text/csv, or a CSV "
            + "declares a charset other than UTF-8",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unsupported", value = Examples.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "Every report rejected: a problem document that also carries the "
            + "import summary's fields (an empty array, or a CSV with a header and no rows, gets a plain problem "
            + "document)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class),
                    examples = @ExampleObject(name = "all rejected", value = Examples.ALL_REJECTED)))
    public Response submit(InputStream body,
            @Parameter(description = "Validate and count only; store and publish nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Context HttpHeaders headers) throws IOException {
        MediaType type = headers.getMediaType();
        JsonNode reports;
        if (type != null && type.isCompatible(CSV_TYPE)) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
                throw new ProblemException(415, "Unsupported Media Type",
                        "charset " + charset + " is not supported: send the CSV as UTF-8", null);
            }
            reports = ReportCsv.parse(body.readAllBytes());
        } else {
            reports = read(body);
        }
        ImportResult result = intake.submit(reports, Submitter.of(caller), dryRun);
        ImportSummary summary = result.summary();
        if (summary.rejected() == 0) {
            return Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (summary.rejected() < summary.received()) {
            return Response.status(MULTI_STATUS).type(MediaType.APPLICATION_JSON_TYPE).entity(summary).build();
        }
        if (result.everyReportOutside()) {
            return Response.status(403).type(Problem.MEDIA_TYPE).entity(ImportProblem.allOutside(summary)).build();
        }
        return Response.status(422)
                .type(Problem.MEDIA_TYPE).entity(ImportProblem.allRejected(summary)).build();
    }

    /**
     * Parses the body here rather than in the framework, whose parse errors come back as a bare
     * "400 Bad Request": the client is told what is malformed and where.
     */
    private JsonNode read(InputStream body) throws IOException {
        try {
            return json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (StreamConstraintsException e) {
            throw e; // not malformed but beyond a read limit (nesting depth, number length): ProblemMappers says which
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw ProblemException.badRequest("malformed JSON: " + e.getOriginalMessage() + where);
        } catch (NumberFormatException e) {
            // a number Jackson cannot hold as a BigDecimal at all, such as 1e9999999999
            throw ProblemException.badRequest("malformed JSON: " + e.getMessage());
        }
    }
}
