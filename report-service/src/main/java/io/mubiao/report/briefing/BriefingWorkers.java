package io.mubiao.report.briefing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.mubiao.report.config.ReportConfig;

/**
 * The threads that work out a briefing's indicators side by side: a national circular is some 50 independent
 * loads and roll-ups, and one request thread would leave the database and the other cores idle in turn.
 * Bounded ({@code report.briefing.threads}) so that a few circulars at once cannot take every pooled connection.
 */
@ApplicationScoped
public class BriefingWorkers {

    @Inject
    ReportConfig config;

    private volatile ExecutorService executor;

    <T> Future<T> submit(Callable<T> task) {
        return executor().submit(task);
    }

    /** The results in the order of the futures; a task's exception is thrown as it was thrown. */
    static <T> List<T> all(List<Future<T>> futures) {
        List<T> results = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while working out a briefing", e);
        }
        return results;
    }

    private ExecutorService executor() {
        if (executor == null) {
            synchronized (this) {
                if (executor == null) {
                    AtomicInteger count = new AtomicInteger();
                    executor = Executors.newFixedThreadPool(config.briefing().threads(), task -> {
                        Thread thread = new Thread(task, "briefing-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
            }
        }
        return executor;
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
