package io.mubiao.report.delivery;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.mubiao.report.config.ReportConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs the dispatcher every {@code report.delivery.every} (30 s by default; {@code off} stops it, as in the
 * tests, which call the dispatcher themselves) and at once when a supervisor asks for a run. Every instance of
 * the service runs one; the claims keep them from sending the same row.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    Clock clock;

    @Inject
    ReportConfig config;

    private final ExecutorService now = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delivery-now");
        thread.setDaemon(true);
        return thread;
    });

    @Scheduled(identity = "delivery-worker", every = "{report.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runOnce();
    }

    /** A run as soon as possible, unless the worker is off. */
    public void wakeUp() {
        if (enabled()) {
            now.execute(this::runOnce);
        }
    }

    private boolean enabled() {
        String every = config.delivery().every().trim();
        return !"off".equalsIgnoreCase(every) && !"disabled".equalsIgnoreCase(every);
    }

    private void runOnce() {
        try {
            dispatcher.runOnce(clock.instant());
        } catch (RuntimeException e) {
            // The rows stay claimed or due; the next tick takes them up.
            LOG.error("delivery run failed", e);
        }
    }

    @PreDestroy
    void stop() {
        now.shutdownNow();
    }
}
