package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void quickSetsOnlyWhatWasNotGiven() {
        Settings s = Settings.parse(new String[] { "--quick", "--days", "3" }, Map.of());
        assertEquals(100, s.counties);
        assertEquals(5, s.indicators);
        assertEquals(3, s.days);
    }

    @Test
    void addressesFollowTheLocalRunsEnvironment() {
        Settings s = Settings.parse(new String[0], Map.of("PROGRESS_PORT", "18082", "KAFKA_PORT", "19092",
                "PGDATABASE", "other"));
        assertEquals("http://127.0.0.1:18082", s.progressUrl);
        assertEquals("127.0.0.1:19092", s.kafkaBootstrap);
        assertEquals("jdbc:postgresql://127.0.0.1:5432/other", s.jdbcUrl());
        assertEquals(List.of(1, 2), s.clients);
    }

    @Test
    void refusesBatchesLargerThanOneRequestMayCarry() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] { "--batch-size", "10001" }, Map.of()));
    }

    @Test
    void namesAnUnknownOptionAsUnknown() {
        var e = assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] { "--bogus" }, Map.of()));
        assertEquals("unknown option --bogus", e.getMessage());
    }

    @Test
    void refusesAnOptionWithoutItsValue() {
        assertThrows(IllegalArgumentException.class, () -> Settings.parse(new String[] { "--counties" }, Map.of()));
    }

    @Test
    void readsOnlyAsksAboutTheGivenDate() {
        Settings s = Settings.parse(new String[] { "--reads-only", "--read-date", "2026-11-20" }, Map.of());
        assertEquals(true, s.readsOnly);
        assertEquals(java.time.LocalDate.parse("2026-11-20"), s.readDate);
        assertEquals(null, Settings.parse(new String[0], Map.of()).readDate);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] { "--read-date", "20.11.2026" }, Map.of()));
        assertTrue(e.getMessage().contains("--read-date"), e.getMessage());
    }

    @Test
    void lagSamplesAreFewerWhenQuickAndZeroLeavesThemOut() {
        assertEquals(100, Settings.parse(new String[0], Map.of()).lagSamples);
        assertEquals(30, Settings.parse(new String[] { "--quick" }, Map.of()).lagSamples);
        assertEquals(0, Settings.parse(new String[] { "--quick", "--lag-samples", "0" }, Map.of()).lagSamples);
        assertThrows(IllegalArgumentException.class,
                () -> Settings.parse(new String[] { "--lag-samples", "-1" }, Map.of()));
    }
}
