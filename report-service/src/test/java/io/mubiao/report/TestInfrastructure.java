package io.mubiao.report;

import io.mubiao.testinfra.JwtTestResource;
import io.mubiao.testinfra.KafkaTestResource;
import io.mubiao.testinfra.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest of this module runs against a real Kafka broker started in the test JVM and a fresh
 * database of its own on the machine's PostgreSQL (embedded where none runs), and a key pair of its own that
 * signs the tests' bearer tokens ({@code JwtTestResource.tokens()}), and a real SMTP server for the e-mail
 * deliveries ({@code SmtpTestResource.server()}); all go away afterwards.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
