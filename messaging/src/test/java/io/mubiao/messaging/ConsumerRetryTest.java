package io.mubiao.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsumerRetryTest {

    /** Seen in DatabaseOutageIT: a SIGTERM closed Hibernate under a batch, whose records were then dead-lettered. */
    @Test
    void blamesNoRecordForAFailureWhileTheApplicationStops() {
        ConsumerRetry retries = new ConsumerRetry();
        retries.stop(null);

        assertTrue(retries.isTransient(new IllegalStateException("EntityManagerFactory is closed")));
    }
}
