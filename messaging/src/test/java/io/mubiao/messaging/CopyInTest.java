package io.mubiao.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mubiao.testinfra.PostgresServer;
import io.mubiao.testinfra.TestDatabase;

/** COPY text format against a real PostgreSQL: what goes in comes back unchanged, across chunk boundaries. */
class CopyInTest {

    @Test
    void storesEveryValueAsGivenIncludingEscapesNullsAndUnicode() throws Exception {
        List<String> values = List.of("plain", "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash \\N",
                "{\"json\":\"a\\\"b\\\\c\"}", "长江流域 ✓ 🚀", "\\", "");
        try (TestDatabase database = TestDatabase.create(PostgresServer.findOrStartForTests(), "copyin");
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.server().user(),
                        database.server().password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table copied (id integer primary key, text_value text, number numeric)");
            CopyIn rows = new CopyIn("copied (id, text_value, number)");
            List<String> expected = new ArrayList<>();
            // enough rows for several 64 KiB chunks, so that rows are split between chunks
            for (int id = 0; id < 20_000; id++) {
                String value = id % 97 == 0 ? null : values.get(id % values.size()) + id;
                expected.add(value);
                rows.add(id).add(value).add(id % 2 == 0 ? null : "12345678901234.123456").endRow();
            }

            assertEquals(20_000, rows.copy(connection));

            List<String> stored = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select text_value, number from copied order by id")) {
                while (result.next()) {
                    stored.add(result.getString(1));
                    assertEquals(result.getRow() % 2 == 1 ? null : "12345678901234.123456", result.getString(2));
                }
            }
            assertEquals(expected, stored);
        }
    }

    @Test
    void copiesNothingForNoRows() throws Exception {
        assertEquals(0, new CopyIn("never (sent)").copy(null));
    }
}
