package io.mubiao.progress.intake;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.microprofile.openapi.annotations.Operation;
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

    private static final int MULTI_STATUS = 207;

    @Inject
    IntakeService intake;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.REPORTER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Report progress: one report, or an array of up to 10,000",
            description = "Each report is validated against the org units and indicators published by target-service. "
                    + "Valid reports are stored even when others in the batch are rejected. The same eventId with the "
                    + "same content is a duplicate and changes nothing; with other content it is rejected. A report for "
                    + "a unit, indicator and date already reported is a correction: a new revision. A report without "
                    + "eventId that repeats the latest revision is a duplicate. Every stored revision is published to "
                    + "progress.recorded, with reportedBy = the token's subject. Admins report for every unit; a "
                    + "reporter only for its token's orgUnit and the units below it: a report for another unit is "
                    + "rejected (field orgUnit) like an invalid one, and a request whose every report is outside "
                    + "is refused with 403. Supervisors may not report.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = { ReportRequest.class, ReportRequest[].class }),
            examples = { @ExampleObject(name = "one report", value = Examples.REPORT),
                    @ExampleObject(name = "a batch", value = Examples.BATCH) }))
    @APIResponse(responseCode = "200", description = "Nothing rejected: every report stored or a duplicate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class),
                    examples = @ExampleObject(name = "stored", value = Examples.SUMMARY)))
    @APIResponse(responseCode = "207", description = "Some reports rejected (invalid, or for a unit outside the "
            + "reporter's area), the others stored; errors lists each fault with the item's index and eventId",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportSummary.class),
                    examples = @ExampleObject(name = "partly rejected", value = Examples.PARTIAL)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a body that is neither a report nor an array",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "malformed", value = Examples.MALFORMED)))
    @APIResponse(responseCode = "401", description = "The bearer token is missing, expired, forged or unsigned",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no token", value = Examples.UNAUTHORIZED)))
    @APIResponse(responseCode = "403", description = "The caller is not an admin or a reporter (a plain problem "
            + "document), or every report is for a unit outside the reporter's area (a problem document that also "
            + "carries the import summary's fields, each refused report in errors with field orgUnit)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class),
                    examples = { @ExampleObject(name = "outside the area", value = Examples.OUTSIDE),
                            @ExampleObject(name = "a supervisor", value = Examples.ROLE_FORBIDDEN) }))
    @APIResponse(responseCode = "413", description = "More reports than one request may carry, or a body over 10 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too many", value = Examples.TOO_MANY)))
    @APIResponse(responseCode = "422", description = "Every report rejected: a problem document that also carries the "
            + "import summary's fields (an empty array gets a plain problem document)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ImportProblem.class),
                    examples = @ExampleObject(name = "all rejected", value = Examples.ALL_REJECTED)))
    public Response submit(InputStream body,
            @Parameter(description = "Validate and count only; store and publish nothing")
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) throws IOException {
        ImportResult result = intake.submit(read(body), Submitter.of(caller), dryRun);
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
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw ProblemException.badRequest("malformed JSON: " + e.getOriginalMessage() + where);
        }
    }
}
