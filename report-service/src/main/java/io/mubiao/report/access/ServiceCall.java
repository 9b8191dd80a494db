package io.mubiao.report.access;

import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;

/**
 * Marks the current request context as the service's own work, not a caller's: a scheduled delivery renders
 * the briefing of a subscription's scope with no token at hand. The area was checked when the subscription
 * was made; {@link AreaGuard} then still answers 404 for an unknown unit but asks no caller.
 */
@RequestScoped
public class ServiceCall {

    private boolean active;

    /** Runs {@code work} as the service itself; the request context must be active. */
    public <T> T run(Supplier<T> work) {
        active = true;
        try {
            return work.get();
        } finally {
            active = false;
        }
    }

    public boolean active() {
        return active;
    }
}
