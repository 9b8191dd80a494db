package io.mubiao.report.delivery;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Kills the worker between claim and send for the subscriptions a test names: the dispatcher's
 * {@link DeliveryClaimed} seam throws, so the pass stops there with the row claimed and nothing sent.
 */
@ApplicationScoped
public class CrashBeforeSending {

    static final class Crash extends RuntimeException {
        Crash(UUID delivery) {
            super("worker killed before sending delivery " + delivery);
        }
    }

    private static final Set<UUID> ARMED = ConcurrentHashMap.newKeySet();

    /** The next claim of {@code delivery} crashes (once). */
    static void arm(UUID delivery) {
        ARMED.add(delivery);
    }

    void onClaimed(@Observes DeliveryClaimed claimed) {
        if (ARMED.remove(claimed.delivery())) {
            throw new Crash(claimed.delivery());
        }
    }
}
