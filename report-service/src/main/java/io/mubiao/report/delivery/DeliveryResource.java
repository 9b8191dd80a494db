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
import io.mubiao.report.access.AreaGuard;
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

    @Inject
    AreaGuard area;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "The delivery log of a subscription, or the reminders of a unit, newest period first",
            description = "Per row: kind (CIRCULAR or REMINDER), period, channel, address, status (PENDING, RETRY, "
                    + "SENT, FAILED, CANCELLED), attempts, the last error, when it was written, when the next "
                    + "attempt is due and when it was sent. Give subscription or orgUnit.")
    @APIResponse(responseCode = "200", description = "The log (also of a deleted subscription)")
    @APIResponse(responseCode = "400", description = "Neither or both of subscription and orgUnit, or a malformed one")
    @APIResponse(responseCode = "403", description = "The subscription's scope or the unit lies outside the caller's area")
    @APIResponse(responseCode = "404", description = "No such subscription or unit")
    public List<DeliveryView> log(@Parameter(description = "A subscription's id: its circulars")
            @RestQuery String subscription,
            @Parameter(description = "An org unit: the reminders sent to its contacts") @RestQuery String orgUnit) {
        QueryParams params = new QueryParams();
        boolean bySubscription = subscription != null && !subscription.isBlank();
        boolean byUnit = orgUnit != null && !orgUnit.isBlank();
        if (bySubscription == byUnit) {
            params.fail("subscription", "give a subscription or an orgUnit (and not both)");
        } else if (bySubscription && !subscription.matches("[0-9]{1,18}")) {
            params.fail("subscription", "must be a subscription's id (a whole number), not " + subscription);
        } else if (byUnit) {
            params.code("orgUnit", orgUnit);
        }
        params.throwIfFailed();
        if (byUnit) {
            area.requireUnit(orgUnit);
            return Delivery.<Delivery>list("kind = 'REMINDER' and orgUnit = ?1 order by periodTo desc, createdAt desc",
                    orgUnit).stream().map(DeliveryView::of).toList();
        }
        Subscription s = subscriptions.require(subscription, true);
        return Delivery.<Delivery>list("subscriptionId = ?1 order by periodTo desc, createdAt desc", s.id).stream()
                .map(DeliveryView::of).toList();
    }
}
