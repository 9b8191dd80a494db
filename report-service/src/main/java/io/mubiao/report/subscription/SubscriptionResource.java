package io.mubiao.report.subscription;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
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
import io.mubiao.report.delivery.DeliveryView;
import io.mubiao.report.delivery.DeliveryWorker;

@Path("/api/subscriptions")
@Tag(name = "subscriptions")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @Inject
    DeliveryWorker worker;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe to the circulars of a scope",
            description = "Delivered by the schedule (daily 08:00, weekly on Monday, dekad on the 1st, 11th and 21st, "
                    + "monthly on the 1st, quarterly, half-year and annual on the first day after the period; at "
                    + "`time` when given) in the service's time zone, each the circular of the period that ended the "
                    + "day before. A webhook subscription's signing secret is returned here and never again.")
    @APIResponse(responseCode = "201", description = "Subscribed; the answer carries the webhook secret",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or no body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The scope lies outside the caller's area, or the role may not subscribe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field is missing or wrong (each named in errors[].field): "
            + "unknown scope, cadence, lang, format or channel, a bad address or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response subscribe(SubscriptionRequest request) {
        SubscriptionView created = subscriptions.create(request);
        return Response.created(URI.create("/api/subscriptions/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "The subscriptions whose scope lies inside the caller's area (every one for an admin)")
    @APIResponse(responseCode = "200", description = "The subscriptions, oldest first, without secrets")
    public List<SubscriptionView> list() {
        return subscriptions.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    @APIResponse(responseCode = "200", description = "The subscription, without its secret")
    @APIResponse(responseCode = "403", description = "Its scope lies outside the caller's area")
    @APIResponse(responseCode = "404", description = "No such subscription (or it was deleted)")
    public SubscriptionView get(@RestPath String id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe: nothing more is scheduled; what was still to be sent is CANCELLED; the log stays")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Its scope lies outside the caller's area")
    @APIResponse(responseCode = "404", description = "No such subscription (or it was deleted)")
    public void delete(@RestPath String id) {
        subscriptions.delete(id);
    }

    @POST
    @Path("/{id}/run")
    @Operation(summary = "Deliver now, as the schedule would on the date",
            description = "Writes the delivery of the circular of the period that ended before `date` (default "
                    + "today) and wakes the worker. A period already in the log is not sent again: the answer is "
                    + "its row; a FAILED one is tried again.")
    @APIResponse(responseCode = "202", description = "The delivery, written; see GET /api/deliveries for its fate",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "400", description = "A malformed date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Its scope lies outside the caller's area")
    @APIResponse(responseCode = "404", description = "No such subscription (or it was deleted)")
    public Response run(@RestPath String id,
            @Parameter(description = "The day the schedule would run, YYYY-MM-DD; default today") @RestQuery String date) {
        QueryParams params = new QueryParams();
        LocalDate day = params.date("date", date);
        params.throwIfFailed();
        DeliveryView delivery = subscriptions.run(id, day);
        worker.wakeUp();
        return Response.accepted(delivery).build();
    }
}
