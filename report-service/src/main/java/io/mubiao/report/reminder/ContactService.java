package io.mubiao.report.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.mubiao.problem.Problem;
import io.mubiao.problem.ProblemException;
import io.mubiao.report.access.AreaGuard;
import io.mubiao.report.delivery.Signature;
import io.mubiao.report.subscription.Channel;
import io.mubiao.report.subscription.SubscriptionRules;

/**
 * A unit's contacts, replaced as a whole. A contact that stays keeps its id and secret; one that goes is kept
 * (deleted) for the log that names it, and comes back with its secret when it is listed again.
 */
@ApplicationScoped
@Transactional
public class ContactService {

    @Inject
    AreaGuard area;

    @Inject
    Clock clock;

    public List<ContactView> replace(String orgUnit, List<ContactRequest> requested) {
        area.requireUnit(orgUnit);
        if (requested == null) {
            throw ProblemException.badRequest("a JSON array of contacts is required in the body (empty: none)");
        }
        check(requested);
        // One replace of a unit at a time: two at once would both insert a new contact, and the second insert
        // would fail the unique index (unit_contact_once) as a 500.
        UnitContact.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "unit_contact " + orgUnit).getSingleResult();
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<UnitContact> existing = UnitContact.list("orgUnit", orgUnit);
        List<ContactView> result = new ArrayList<>();
        Set<Long> kept = new HashSet<>();
        for (ContactRequest request : requested) {
            String address = request.address().trim();
            UnitContact contact = existing.stream()
                    .filter(c -> c.channel.equals(request.channel()) && c.address.equals(address)).findFirst()
                    .orElse(null);
            boolean created = contact == null;
            if (created) {
                contact = new UnitContact();
                contact.orgUnit = orgUnit;
                contact.channel = request.channel();
                contact.address = address;
                contact.secret = Channel.WEBHOOK.word().equals(request.channel()) ? Signature.newSecret() : null;
                contact.createdAt = now;
            }
            contact.lang = lang(request);
            contact.deletedAt = null;
            contact.persist();
            kept.add(contact.id);
            result.add(ContactView.of(contact, created));
        }
        existing.stream().filter(c -> !kept.contains(c.id) && c.deletedAt == null).forEach(c -> c.deletedAt = now);
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactView> list(String orgUnit) {
        area.requireUnit(orgUnit);
        return UnitContact.<UnitContact>list("orgUnit = ?1 and deletedAt is null order by id", orgUnit).stream()
                .map(c -> ContactView.of(c, false)).toList();
    }

    /** 422 naming each fault by its index in the array. */
    private static void check(List<ContactRequest> requested) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < requested.size(); index++) {
            int i = index;
            ContactRequest request = requested.get(i);
            if (request == null) {
                errors.add(new Problem.FieldError(i, null, "channel", "a contact is required, not null"));
                continue;
            }
            Channel channel = Channel.fromWord(request.channel()).filter(c -> c != Channel.KAFKA).orElse(null);
            if (channel == null) {
                errors.add(new Problem.FieldError(i, null, "channel", "must be webhook or email, not "
                        + request.channel()));
            } else {
                String address = request.address() == null || request.address().isBlank() ? null
                        : request.address().trim();
                SubscriptionRules.addressFault(channel, address)
                        .ifPresent(message -> errors.add(new Problem.FieldError(i, null, "address", message)));
                if (address != null && !seen.add(channel.word() + " " + address)) {
                    errors.add(new Problem.FieldError(i, null, "address", "is listed twice"));
                }
            }
            if (request.lang() != null && !request.lang().isBlank() && !List.of("zh-CN", "en").contains(request.lang())) {
                errors.add(new Problem.FieldError(i, null, "lang", "must be zh-CN or en, not " + request.lang()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(e -> "[" + e.index() + "] " + e.field() + ": "
                    + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
    }

    private static String lang(ContactRequest request) {
        return request.lang() == null || request.lang().isBlank() ? "zh-CN" : request.lang();
    }
}
