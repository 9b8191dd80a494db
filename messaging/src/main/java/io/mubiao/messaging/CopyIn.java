package io.mubiao.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Rows for one PostgreSQL {@code COPY … FROM STDIN} in text format, sent on the caller's connection (so in
 * its transaction). One COPY of thousands of rows costs the server a fraction of the same rows as a batch of
 * inserts: no statement to parse and plan per row group, no parameters to bind.
 * <p>
 * The rows are kept as UTF-8 chunks of about 64 KiB rather than one string: 10,000 rows make megabytes, and one
 * array that size is a humongous allocation for G1 in a small heap (it provoked full collections).
 */
public final class CopyIn {

    private static final int CHUNK_CHARS = 1 << 16;

    private final String target;
    private final List<byte[]> chunks = new ArrayList<>();
    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 1024);
    private boolean rowOpen;
    private int count;

    /** @param target the table and its columns, as in {@code outbox (topic, record_key, payload)} */
    public CopyIn(String target) {
        this.target = target;
    }

    /** Appends one column of the current row; null is SQL NULL. A row ends with {@link #endRow()}. */
    public CopyIn add(Object value) {
        if (rowOpen) {
            chunk.append('\t');
        }
        rowOpen = true;
        if (value == null) {
            chunk.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    /**
     * Appends one column whose value is the parts joined by {@code separator}, without ever holding the whole
     * value in one string: an outbox bundle of 10,000 records is megabytes. A chunk may end between two parts.
     */
    public CopyIn addJoined(Iterable<String> parts, char separator) {
        if (rowOpen) {
            chunk.append('\t');
        }
        rowOpen = true;
        boolean first = true;
        for (String part : parts) {
            if (!first) {
                escape(String.valueOf(separator));
            }
            first = false;
            escape(part);
            if (chunk.length() >= CHUNK_CHARS) {
                // Between whole strings, so a surrogate pair is never split across two chunks.
                closeChunk();
            }
        }
        return this;
    }

    public CopyIn endRow() {
        chunk.append('\n');
        rowOpen = false;
        count++;
        if (chunk.length() >= CHUNK_CHARS) {
            closeChunk();
        }
        return this;
    }

    public int rows() {
        return count;
    }

    /** Sends the rows; answers how many the server stored. */
    public long copy(Connection connection) throws SQLException {
        if (count == 0) {
            return 0;
        }
        closeChunk();
        org.postgresql.copy.CopyIn operation = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + target + " from stdin");
        try {
            for (byte[] bytes : chunks) {
                operation.writeToCopy(bytes, 0, bytes.length);
            }
            return operation.endCopy();
        } finally {
            if (operation.isActive()) {
                operation.cancelCopy();
            }
        }
    }

    private void closeChunk() {
        if (chunk.length() > 0) {
            chunks.add(chunk.toString().getBytes(StandardCharsets.UTF_8));
            chunk.setLength(0);
        }
    }

    /**
     * Text format: a backslash, tab, newline or carriage return in a value must be escaped. Most values have
     * none and are appended whole (char by char, this was a tenth of intake's CPU).
     */
    private void escape(String value) {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                chunk.append(value, from, i).append(escaped);
                from = i + 1;
            }
        }
        chunk.append(value, from, value.length());
    }
}
