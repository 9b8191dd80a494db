package io.mubiao.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.mubiao.problem.Failures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * How a Kafka consumer waits out an outage of the database: a batch is stored in a transaction of its own and
 * stored again after each failure that passes by itself, until it commits, so that the channel pauses instead
 * of failing, and no record is skipped or dead-lettered for the database's sake. Only then does the consumer
 * return and the connector commit the batch's offsets. While the application stops, the work is given up
 * ({@link Retry.Abandoned}) and the offsets stay uncommitted for the next consumer.
 */
@ApplicationScoped
public class ConsumerRetry {

    /** How long a connection may take to prove the database answers. */
    private static final int VALID_TIMEOUT_SECONDS = 5;

    @Inject
    AgroalDataSource dataSource;

    private volatile boolean stopping;
    private final Retry retry = new Retry(TimeUnit.MILLISECONDS::sleep, this::stopping);

    /** Runs {@code work} in a new transaction, again after each transient failure, until it commits. */
    public void inTransaction(String what, Runnable work) {
        retry.untilDone(what, () -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        }, this::isTransient);
    }

    /**
     * A failure that the database did not explain as its own or the connection's ({@link Failures}) counts as
     * transient all the same while the database does not answer (a commit that failed with the connection may
     * say no more than that the transaction rolled back), and while the application stops ("EntityManagerFactory
     * is closed"): then no record is to blame, and none may be dead-lettered; the retry gives the batch up.
     */
    public boolean isTransient(Exception failure) {
        return stopping || Failures.isTransient(failure) || !databaseAnswers();
    }

    /** True once the application is shutting down: work being retried is then given up. */
    public boolean stopping() {
        return stopping;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
