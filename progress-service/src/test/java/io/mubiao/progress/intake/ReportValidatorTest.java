package io.mubiao.progress.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mubiao.events.Measure;
import io.mubiao.problem.Problem.FieldError;

/** The report rules, without HTTP or a database: JSON text in, errors or a valid report out. */
class ReportValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 15);
    private static final ReportValidator VALIDATOR = new ReportValidator(
            new ReportValidator.Known(Set.of("GL"), Map.of("rate", Measure.RATIO, "invest", Measure.CUMULATIVE,
                    "growth", Measure.SNAPSHOT)),
            TODAY, ZoneId.of("Asia/Shanghai"));

    @Test
    void acceptsRatioAndComputesItsValueAsPercentageAtSixDecimals() {
        ValidReport report = valid("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "numerator": 2, "denominator": 3}""");
        assertEquals(new BigDecimal("66.666667"), report.content().value());
        assertEquals(new BigDecimal("2.000000"), report.content().numerator());
        assertNull(report.eventId());
    }

    @Test
    void acceptsNumeratorEqualToDenominatorAndZeroNumerator() {
        assertEquals(new BigDecimal("100.000000"), valid("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "numerator": 7, "denominator": 7}""")
                .content().value());
        assertEquals(new BigDecimal("0.000000"), valid("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "numerator": 0, "denominator": 7}""")
                .content().value());
    }

    @Test
    void rejectsNumeratorAboveDenominator() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "numerator": 8, "denominator": 7}""",
                "numerator: numerator 8 is above denominator 7");
    }

    @Test
    void rejectsNegativeNumeratorAndZeroDenominator() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "numerator": -1, "denominator": 0}""",
                "numerator: numerator -1 is negative", "denominator: denominator 0 must be above 0");
    }

    @Test
    void rejectsRatioWithoutNumeratorAndDenominator() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15"}""",
                "numerator: indicator rate is a RATIO: give numerator and denominator",
                "denominator: indicator rate is a RATIO: give numerator and denominator");
    }

    @Test
    void rejectsBareValueForRatio() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "value": 55.1}""",
                "value: indicator rate is a RATIO: give numerator and denominator, not value "
                        + "(the value is 100 × numerator / denominator)",
                "numerator: indicator rate is a RATIO: give numerator and denominator",
                "denominator: indicator rate is a RATIO: give numerator and denominator");
    }

    @Test
    void acceptsNegativeSnapshotValue() {
        assertEquals(new BigDecimal("-3.500000"), valid("""
                {"orgUnit": "GL", "indicator": "growth", "date": "2026-04-15", "value": -3.5}""").content().value());
    }

    @Test
    void rejectsCumulativeWithoutValue() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "numerator": 1}""",
                "value: indicator invest is a CUMULATIVE: give value",
                "numerator: indicator invest is a CUMULATIVE: give value, not numerator and denominator");
    }

    @Test
    void rejectsFutureDateButAcceptsToday() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-16", "value": 1}""",
                "date: date 2026-04-16 is in the future: today is 2026-04-15 (Asia/Shanghai)");
        valid("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": 1}""");
    }

    @Test
    void rejectsDatesThatAreNotRealDays() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-02-29", "value": 1}""",
                "date: date '2026-02-29' is not a real date written YYYY-MM-DD");
        assertErrors("""
                {"orgUnit": "GL", "indicator": "invest", "date": "15/04/2026", "value": 1}""",
                "date: date '15/04/2026' is not a real date written YYYY-MM-DD");
        assertErrors("""
                {"orgUnit": "GL", "indicator": "invest", "date": 20260415, "value": 1}""",
                "date: date must be a date written YYYY-MM-DD, not a number");
    }

    @Test
    void requiresOrgUnitIndicatorAndDate() {
        assertErrors("{}", "orgUnit: orgUnit is required", "indicator: indicator is required",
                "date: date is required, written YYYY-MM-DD");
    }

    @Test
    void rejectsUnknownAndMalformedCodes() {
        assertErrors("""
                {"orgUnit": "XX", "indicator": "no such", "date": "2026-04-15", "value": 1}""",
                "orgUnit: unknown org unit XX",
                "indicator: indicator 'no such' is not a code: 1 to 64 letters, digits, '.', '_' or '-'");
    }

    @Test
    void quotesAtMostFortyCharactersOfAWrongCodeOrDate() {
        // a megabyte of a code would make a message (and a dead letter's reason) a megabyte long
        String code = "县".repeat(100_000);
        String date = "2026-04-15".repeat(100_000);
        assertErrors("{\"orgUnit\": \"" + code + "\", \"indicator\": \"invest\", \"date\": \"" + date
                + "\", \"value\": 1}",
                "date: date '" + date.substring(0, 40) + "…' is not a real date written YYYY-MM-DD",
                "orgUnit: orgUnit '" + "县".repeat(40) + "…' is not a code: 1 to 64 letters, digits, '.', '_' or '-'");
    }

    @Test
    void rejectsNumbersThatDoNotFitNumeric20Scale6() {
        assertErrors("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": 0.0000001}""",
                "value: value 0.0000001 has more than 6 decimal places");
        assertErrors("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": 1e15}""",
                "value: value 1000000000000000 is too large: at most 14 digits before the decimal point");
        assertEquals(new BigDecimal("99999999999999.999999"), valid("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": 99999999999999.999999}""")
                .content().value());
    }

    @Test
    void acceptsTrailingZerosBeyondSixDecimals() {
        assertEquals(new BigDecimal("1.500000"), valid("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": 1.50000000}""")
                .content().value());
    }

    @Test
    void rejectsFieldsOfTheWrongType() {
        assertErrors("""
                {"eventId": 7, "orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": "12"}""",
                "eventId: eventId must be a string, not a number", "value: value must be a number, not the string '12'");
    }

    @Test
    void rejectsBlankOrOverlongEventIdAndOverlongNote() {
        assertErrors("""
                {"eventId": " ", "orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": 1}""",
                "eventId: eventId must not be blank; leave it out to have one derived from the report");
        assertErrors("{\"eventId\": \"" + "e".repeat(129) + "\", \"orgUnit\": \"GL\", \"indicator\": \"invest\","
                + " \"date\": \"2026-04-15\", \"value\": 1, \"note\": \"" + "n".repeat(1001) + "\"}",
                "eventId: eventId is longer than 128 characters", "note: note is longer than 1000 characters");
    }

    @Test
    void everyErrorCarriesTheItemsIndexAndEventId() {
        List<FieldError> errors = validate(4, """
                {"eventId": "e-1", "orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "value": "x"}""")
                .errors();
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().allMatch(error -> error.index() == 4 && "e-1".equals(error.eventId())), errors::toString);
    }

    @Test
    void treatsBlankNoteAsNone() {
        assertNull(valid("""
                {"orgUnit": "GL", "indicator": "invest", "date": "2026-04-15", "value": 1, "note": "  "}""")
                .content().note());
    }

    @Test
    void refusesAReportOutsideTheAreaForThatReasonAlone() {
        ReportValidator validator = new ReportValidator(new ReportValidator.Known(Set.of("GL", "SM"),
                Map.of("rate", Measure.RATIO), Map.of("SM", "SM is outside your area (FZ and the units below it)")),
                TODAY, ZoneId.of("Asia/Shanghai"));

        ReportValidator.Result result = validator.validate(ReportReader.read(3, read("""
                {"eventId": "e1", "orgUnit": "SM", "indicator": "rate", "date": "2026-04-16", "numerator": 8,
                 "denominator": 7}""")));

        assertFalse(result.valid());
        assertTrue(result.outside());
        assertEquals(List.of(new FieldError(3, "e1", "orgUnit", "SM is outside your area (FZ and the units below it)")),
                result.errors());
        assertTrue(validator.validate(ReportReader.read(0, read("""
                {"orgUnit": "GL", "indicator": "rate", "date": "2026-04-15", "numerator": 1, "denominator": 7}""")))
                .valid());
    }

    @Test
    void unknownOrgUnitIsUnknownWhateverTheArea() {
        ReportValidator validator = new ReportValidator(new ReportValidator.Known(Set.of("SM"),
                Map.of("rate", Measure.RATIO), Map.of("SM", "SM is outside your area (FZ and the units below it)")),
                TODAY, ZoneId.of("Asia/Shanghai"));

        ReportValidator.Result result = validator.validate(ReportReader.read(0, read("""
                {"orgUnit": "XX", "indicator": "rate", "date": "2026-04-15", "numerator": 1, "denominator": 7}""")));

        assertFalse(result.outside());
        assertEquals(List.of(new FieldError(0, null, "orgUnit", "unknown org unit XX")), result.errors());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ValidReport valid(String json) {
        ReportValidator.Result result = validate(0, json);
        assertTrue(result.valid(), () -> "expected valid, got " + result.errors());
        return result.report();
    }

    private static void assertErrors(String json, String... expected) {
        ReportValidator.Result result = validate(0, json);
        assertFalse(result.valid());
        assertEquals(List.of(expected), result.errors().stream().map(error -> error.field() + ": " + error.message()).toList());
    }

    private static ReportValidator.Result validate(int index, String json) {
        try {
            JsonNode item = JSON.readTree(json);
            return VALIDATOR.validate(ReportReader.read(index, item));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
