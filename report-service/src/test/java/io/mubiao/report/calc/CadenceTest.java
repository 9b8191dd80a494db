package io.mubiao.report.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CadenceTest {

    private static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void parsesEveryPathWord() {
        assertEquals(Cadence.DAILY, Cadence.parse("daily"));
        assertEquals(Cadence.WEEKLY, Cadence.parse("weekly"));
        assertEquals(Cadence.DEKAD, Cadence.parse("dekad"));
        assertEquals(Cadence.MONTHLY, Cadence.parse("monthly"));
        assertEquals(Cadence.QUARTERLY, Cadence.parse("quarterly"));
        assertEquals(Cadence.HALF_YEAR, Cadence.parse("half-year"));
        assertEquals(Cadence.ANNUAL, Cadence.parse("annual"));
    }

    @Test
    void pathWordsRoundTrip() {
        for (Cadence cadence : Cadence.values()) {
            assertEquals(Optional.of(cadence), Cadence.fromPath(cadence.path()));
        }
    }

    @Test
    void unknownWordsAreEmpty() {
        assertEquals(Optional.empty(), Cadence.fromPath("fortnightly"));
        assertEquals(Optional.empty(), Cadence.fromPath("HALF_YEAR"));
        assertEquals(Optional.empty(), Cadence.fromPath("Daily"));
        assertEquals(Optional.empty(), Cadence.fromPath(""));
        assertEquals(Optional.empty(), Cadence.fromPath(null));
    }

    @Test
    void parsingAnUnknownWordNamesTheAcceptedOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Cadence.parse("yearly"));
        assertTrue(error.getMessage().contains("'yearly'"), error.getMessage());
        assertTrue(error.getMessage().contains("daily, weekly, dekad, monthly, quarterly, half-year, annual"),
                error.getMessage());
    }

    @Test
    void weeksRunMondayToSunday() {
        // 2026-04-15 is a Wednesday.
        assertEquals(day("2026-04-13"), Cadence.WEEKLY.start(day("2026-04-15")));
        assertEquals(day("2026-04-19"), Cadence.WEEKLY.end(day("2026-04-15")));
        assertEquals(day("2026-04-13"), Cadence.WEEKLY.start(day("2026-04-13")));
        assertEquals(day("2026-04-13"), Cadence.WEEKLY.start(day("2026-04-19")));
        assertEquals(day("2026-04-19"), Cadence.WEEKLY.end(day("2026-04-19")));
    }

    @Test
    void dekadsEndOnTheTenthTheTwentiethAndTheMonthsEnd() {
        assertEquals(day("2026-04-10"), Cadence.DEKAD.end(day("2026-04-01")));
        assertEquals(day("2026-04-20"), Cadence.DEKAD.end(day("2026-04-11")));
        assertEquals(day("2026-04-30"), Cadence.DEKAD.end(day("2026-04-21")));
        assertEquals(day("2026-03-31"), Cadence.DEKAD.end(day("2026-03-21")));
        assertEquals(day("2026-02-28"), Cadence.DEKAD.end(day("2026-02-25")));
        assertEquals(day("2028-02-29"), Cadence.DEKAD.end(day("2028-02-21")));
    }

    @Test
    void monthsQuartersHalvesAndYearsEndOnTheirLastDay() {
        assertEquals(day("2028-02-29"), Cadence.MONTHLY.end(day("2028-02-01")));
        assertEquals(day("2026-06-30"), Cadence.QUARTERLY.end(day("2026-04-01")));
        assertEquals(day("2026-12-31"), Cadence.QUARTERLY.end(day("2026-11-15")));
        assertEquals(day("2026-06-30"), Cadence.HALF_YEAR.end(day("2026-01-01")));
        assertEquals(day("2026-12-31"), Cadence.HALF_YEAR.end(day("2026-07-01")));
        assertEquals(day("2026-12-31"), Cadence.ANNUAL.end(day("2026-02-28")));
        assertEquals(day("2026-04-15"), Cadence.DAILY.end(day("2026-04-15")));
    }
}
