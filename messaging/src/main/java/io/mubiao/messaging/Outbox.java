package io.mubiao.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Each service that uses it creates the table in its own Flyway migrations ({@code V1__outbox.sql}, then the
 * one adding bundles):
 *
 * <pre>
 * create table outbox (
 *   id bigserial primary key,
 *   topic text not null,
 *   record_key text,                           -- null in a bundle
 *   payload text,                              -- JSON; null is a tombstone; a bundle's records
 *   created_at timestamptz not null default now(),
 *   records integer);                          -- null: a plain row, one record; n: a bundle of n records
 * </pre>
 *
 * A plain row is one record: its key, and its value as JSON. A <em>bundle</em> is one row holding several
 * records of one topic, so that a batch of thousands of events costs one heap row, one index entry, one read
 * and one delete rather than thousands: {@link #appendAll} writes one when a call has more than one message
 * for a topic. Its payload is text, two lines per record, in order: the key as a JSON string literal (or
 * {@code null}), then the value as JSON ({@code null} for a tombstone); the lines are separated by
 * {@code '\n'} (none after the last). Compact JSON never contains a raw newline (one inside a string is
 * written {@code \n}), so splitting on {@code '\n'} gives the lines back; {@link #rows} checks it anyway.
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

    /**
     * Appends in one COPY: per topic, in the order of each topic's first message, one plain row if the call has
     * one message for it, else one bundle of all of them in list order. The relay is woken once the
     * surrounding transaction commits.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        CopyIn rows = rows(messages, json);
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

    /** The outbox rows of {@link #appendAll}, ready to COPY. */
    static CopyIn rows(List<Message> messages, ObjectMapper json) {
        Map<String, List<Message>> byTopic = new LinkedHashMap<>();
        for (Message message : messages) {
            byTopic.computeIfAbsent(message.topic(), topic -> new ArrayList<>()).add(message);
        }
        CopyIn rows = new CopyIn("outbox (topic, record_key, payload, records)");
        for (Map.Entry<String, List<Message>> topic : byTopic.entrySet()) {
            List<Message> records = topic.getValue();
            if (records.size() == 1) {
                Message message = records.get(0);
                rows.add(message.topic()).add(message.key())
                        .add(message.payload() == null ? null : toJson(json, message.payload())).add(null).endRow();
            } else {
                List<String> lines = new ArrayList<>(records.size());
                for (Message message : records) {
                    // One string per record (its two lines), never the whole bundle: see CopyIn.addJoined.
                    lines.add(line(json, message.key()) + '\n' + line(json, message.payload()));
                }
                rows.add(topic.getKey()).add(null).addJoined(lines, '\n').add(records.size()).endRow();
            }
        }
        return rows;
    }

    /** One line of a bundle: JSON without a raw newline (Jackson's compact output never has one). */
    private static String line(ObjectMapper json, Object value) {
        String line = toJson(json, value);
        if (line.indexOf('\n') >= 0) {
            throw new IllegalStateException("JSON with a line break cannot go in an outbox bundle: is the ObjectMapper"
                    + " set to indent? " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return line;
    }

    private static String toJson(ObjectMapper json, Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + payload.getClass().getSimpleName(), e);
        }
    }
}
