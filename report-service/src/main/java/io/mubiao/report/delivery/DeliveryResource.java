package io.mubiao.report.delivery;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.mubiao.access.Roles;
import io.mubiao.report.QueryParams;
import io.mubiao.report.subscription.Subscription;
import io.mubiao.report.subscription.SubscriptionService;

@Path("/api/deliveries")
@Tag(name = "subscriptions")
@RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    SubscriptionService subscriptions;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The delivery log of a subscription, newest period first",
            description = "Per period: channel, address, status (PENDING, RETRY, SENT, FAILED, CANCELLED), attempts, "
                    + "the last error, when it was written, when the next attempt is due and when it was sent.")
    @APIResponse(responseCode = "200", description = "The log (also of a deleted subscription)")
    @APIResponse(responseCode = "400", description = "subscription missing or not a whole number")
    @APIResponse(responseCode = "403", description = "The subscription's scope lies outside the caller's area")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public List<DeliveryView> log(@Parameter(description = "The subscription's id", required = true)
            @RestQuery String subscription) {
        QueryParams params = new QueryParams();
        if (subscription == null || subscription.isBlank()) {
            params.fail("subscription", "is required");
        } else if (!subscription.matches("[0-9]{1,18}")) {
            params.fail("subscription", "must be a subscription's id (a whole number), not " + subscription);
        }
        params.throwIfFailed();
        Subscription s = subscriptions.require(subscription, true);
        return Delivery.<Delivery>list("subscriptionId = ?1 order by periodTo desc, createdAt desc", s.id).stream()
                .map(DeliveryView::of).toList();
    }
}
