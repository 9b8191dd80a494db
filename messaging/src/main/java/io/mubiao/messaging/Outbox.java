package io.mubiao.messaging;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Writes events to the {@code outbox} table in the caller's transaction, so that a change and the event
 * announcing it are committed together or not at all; {@link OutboxRelay} publishes them afterwards.
 * Each service that uses it creates the table in its own Flyway migration:
 *
 * <pre>
 * create table outbox (
 *   id bigserial primary key,
 *   topic text not null,
 *   record_key text not null,
 *   payload text,                              -- JSON; null is a tombstone
 *   created_at timestamptz not null default now());
 * </pre>
 */
@ApplicationScoped
public class Outbox {

    /** One record to publish: {@code payload} null means a tombstone (delete) for {@code key}. */
    public record Message(String topic, String key, Object payload) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, Object payload) {
        appendAll(List.of(new Message(topic, key, payload)));
    }

    /** Appends in one COPY; the relay is woken once the surrounding transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        CopyIn rows = new CopyIn("outbox (topic, record_key, payload)");
        for (Message message : messages) {
            rows.add(message.topic()).add(message.key())
                    .add(message.payload() == null ? null : toJson(message.payload())).endRow();
        }
        em.unwrap(Session.class).doWork(rows::copy);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + payload.getClass().getSimpleName(), e);
        }
    }
}
