package io.mubiao.report.reminder;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.mubiao.access.Roles;
import io.mubiao.problem.Problem;

@Path("/api/units/{orgUnit}/contacts")
@Tag(name = "reminders")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    @Inject
    ContactService contacts;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set where a unit's reminders go (replaces its contacts; [] removes them)",
            description = "Each contact is a webhook (signed like the circulars; a new one's secret is returned "
                    + "here only) or an e-mail address, with the language of its reminders.")
    @APIResponse(responseCode = "200", description = "The unit's contacts now")
    @APIResponse(responseCode = "400", description = "Malformed JSON or no array",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's area")
    @APIResponse(responseCode = "404", description = "The unit is unknown")
    @APIResponse(responseCode = "422", description = "A contact is wrong (errors[].index and field name it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ContactView> replace(@RestPath String orgUnit, List<ContactRequest> body) {
        return contacts.replace(orgUnit, body);
    }

    @GET
    @Operation(summary = "A unit's contacts, without secrets")
    @APIResponse(responseCode = "200", description = "The contacts")
    @APIResponse(responseCode = "403", description = "The unit lies outside the caller's area")
    @APIResponse(responseCode = "404", description = "The unit is unknown")
    public List<ContactView> list(@RestPath String orgUnit) {
        return contacts.list(orgUnit);
    }
}
