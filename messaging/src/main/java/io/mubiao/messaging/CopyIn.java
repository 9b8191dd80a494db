package io.mubiao.messaging;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Rows for one PostgreSQL {@code COPY … FROM STDIN} in text format, sent on the caller's connection (so in
 * its transaction). One COPY of thousands of rows costs the server a fraction of the same rows as a batch of
 * inserts: no statement to parse and plan per row group, no parameters to bind.
 */
public final class CopyIn {

    private final String target;
    private final StringBuilder rows = new StringBuilder(1 << 16);
    private boolean rowOpen;
    private int count;

    /** @param target the table and its columns, as in {@code outbox (topic, record_key, payload)} */
    public CopyIn(String target) {
        this.target = target;
    }

    /** Appends one column of the current row; null is SQL NULL. A row ends with {@link #endRow()}. */
    public CopyIn add(Object value) {
        if (rowOpen) {
            rows.append('\t');
        }
        rowOpen = true;
        if (value == null) {
            rows.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    public CopyIn endRow() {
        rows.append('\n');
        rowOpen = false;
        count++;
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
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + target + " from stdin", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + target + " could not be sent", e);
        }
    }

    /** Text format: a backslash, tab, newline or carriage return in a value must be escaped. */
    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
    }
}
