package io.mubiao.progress.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.mubiao.events.Measure;
import io.mubiao.problem.Problem.FieldError;

/**
 * The rules a report must follow (API.md), checked against the local copy of the reference data. Pure: the
 * caller looks the codes up and says what day it is. Every fault of an item is reported, not just the first,
 * except for a report of a known unit outside the submitter's area: that one is refused for that reason alone.
 * An unknown unit is an unknown unit, whoever asks. One instance per batch, on one thread.
 */
public final class ReportValidator {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final int MAX_EVENT_ID_LENGTH = 128;
    static final int MAX_NOTE_LENGTH = 1000;
    /** numeric(20,6): 14 digits before the point, 6 after. */
    static final int MAX_INTEGER_DIGITS = 20 - Content.SCALE;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The codes of a batch that exist in the local copy, the measure of each known indicator, and the known
     * units the submitter may not report for, each with the reason to give.
     */
    public record Known(Set<String> orgUnits, Map<String, Measure> measures, Map<String, String> outside) {

        /** Everything known lies inside the submitter's area. */
        public Known(Set<String> orgUnits, Map<String, Measure> measures) {
            this(orgUnits, measures, Map.of());
        }
    }

    /**
     * The report when it is valid, else every error found; {@code outside} when it was refused only because its
     * unit lies outside the submitter's area.
     */
    public record Result(ValidReport report, List<FieldError> errors, boolean outside) {

        Result(ValidReport report, List<FieldError> errors) {
            this(report, errors, false);
        }

        public boolean valid() {
            return report != null;
        }
    }

    private final Known known;
    private final LocalDate today;
    private final ZoneId zone;
    /** Codes already matched against {@link #CODE}: a batch names a few thousand codes 10,000 times over. */
    private final Set<String> wellFormed = new HashSet<>();

    /**
     * @param today the current date in {@code zone}; a report dated after it is refused
     */
    public ReportValidator(Known known, LocalDate today, ZoneId zone) {
        this.known = known;
        this.today = today;
        this.zone = zone;
    }

    public Result validate(ReportReader.Parsed parsed) {
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        ReportRequest report = parsed.request();
        if (report == null) {
            return new Result(null, errors);
        }
        String refusal = report.orgUnit() == null ? null : known.outside().get(report.orgUnit());
        if (refusal != null) {
            // refused as a whole: what it says about a unit it may not report for is not looked at
            return new Result(null, List.of(new FieldError(parsed.index(), report.eventId(), "orgUnit", refusal)), true);
        }
        Check check = new Check(parsed.index(), report.eventId(), errors);

        String eventId = report.eventId();
        if (eventId != null) {
            if (eventId.isBlank()) {
                check.fail("eventId", "eventId must not be blank; leave it out to have one derived from the report");
            } else if (eventId.length() > MAX_EVENT_ID_LENGTH) {
                check.fail("eventId", "eventId is longer than " + MAX_EVENT_ID_LENGTH + " characters");
            }
        }
        boolean unitKnown = checkCode(check, "orgUnit", "org unit", report.orgUnit(), known.orgUnits()::contains);
        boolean indicatorKnown = checkCode(check, "indicator", "indicator", report.indicator(),
                known.measures()::containsKey);
        checkDate(check, report);
        if (report.note() != null && report.note().length() > MAX_NOTE_LENGTH) {
            check.fail("note", "note is longer than " + MAX_NOTE_LENGTH + " characters");
        }
        BigDecimal value = fit(check, "value", report.value());
        BigDecimal numerator = fit(check, "numerator", report.numerator());
        BigDecimal denominator = fit(check, "denominator", report.denominator());

        if (!indicatorKnown) {
            return new Result(null, errors);
        }
        Measure measure = known.measures().get(report.indicator());
        String indicator = "indicator " + report.indicator() + " is a " + measure;
        if (measure == Measure.RATIO) {
            value = ratio(check, indicator, report, numerator, denominator);
        } else {
            if (report.value() == null && !check.hasError("value")) {
                check.fail("value", indicator + ": give value");
            }
            if (report.numerator() != null) {
                check.fail("numerator", indicator + ": give value, not numerator and denominator");
            }
            if (report.denominator() != null) {
                check.fail("denominator", indicator + ": give value, not numerator and denominator");
            }
        }
        if (!errors.isEmpty() || !unitKnown) {
            return new Result(null, errors);
        }
        String note = report.note() == null || report.note().isBlank() ? null : report.note();
        Content content = new Content(report.orgUnit(), report.indicator(), report.date(), value,
                measure == Measure.RATIO ? numerator : null, measure == Measure.RATIO ? denominator : null, note);
        return new Result(new ValidReport(parsed.index(), eventId, content), List.of());
    }

    /** Checks a RATIO's numbers and returns its value, 100 × numerator / denominator, or null if wrong. */
    private static BigDecimal ratio(Check check, String indicator, ReportRequest report, BigDecimal numerator,
            BigDecimal denominator) {
        if (report.value() != null) {
            check.fail("value", indicator + ": give numerator and denominator, not value "
                    + "(the value is 100 × numerator / denominator)");
        }
        if (report.numerator() == null && !check.hasError("numerator")) {
            check.fail("numerator", indicator + ": give numerator and denominator");
        }
        if (report.denominator() == null && !check.hasError("denominator")) {
            check.fail("denominator", indicator + ": give numerator and denominator");
        }
        if (numerator == null || denominator == null) {
            return null;
        }
        boolean ok = true;
        if (numerator.signum() < 0) {
            check.fail("numerator", "numerator " + show(numerator) + " is negative");
            ok = false;
        }
        if (denominator.signum() <= 0) {
            check.fail("denominator", "denominator " + show(denominator) + " must be above 0");
            ok = false;
        }
        if (ok && numerator.compareTo(denominator) > 0) {
            check.fail("numerator", "numerator " + show(numerator) + " is above denominator " + show(denominator));
            ok = false;
        }
        return ok ? numerator.multiply(HUNDRED).divide(denominator, Content.SCALE, RoundingMode.HALF_UP) : null;
    }

    private boolean checkCode(Check check, String field, String what, String code,
            Predicate<String> exists) {
        if (code == null) {
            if (!check.hasError(field)) {
                check.fail(field, field + " is required");
            }
            return false;
        }
        if (!wellFormed.contains(code)) {
            if (!CODE.matcher(code).matches()) {
                check.fail(field, field + " '" + ReportReader.abbreviate(code)
                        + "' is not a code: 1 to 64 letters, digits, '.', '_' or '-'");
                return false;
            }
            wellFormed.add(code);
        }
        if (!exists.test(code)) {
            check.fail(field, "unknown " + what + " " + code);
            return false;
        }
        return true;
    }

    private void checkDate(Check check, ReportRequest report) {
        LocalDate date = report.date();
        if (date == null) {
            if (!check.hasError("date")) {
                check.fail("date", "date is required, written YYYY-MM-DD");
            }
        } else if (date.isAfter(today)) {
            check.fail("date", "date " + date + " is in the future: today is " + today + " (" + zone + ")");
        } else if (date.isBefore(EARLIEST)) {
            check.fail("date", "date " + date + " is before " + EARLIEST);
        }
    }

    /** The number at the stored scale, or null (with an error) when it does not fit numeric(20,6). */
    private static BigDecimal fit(Check check, String field, BigDecimal number) {
        if (number == null) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.scale() > Content.SCALE) {
            check.fail(field, field + " " + show(number) + " has more than " + Content.SCALE + " decimal places");
            return null;
        }
        if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            check.fail(field, field + " " + show(number) + " is too large: at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point");
            return null;
        }
        return number.setScale(Content.SCALE, RoundingMode.UNNECESSARY);
    }

    /** A number as the user wrote it, in plain notation unless that would be absurdly long. */
    static String show(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return Math.abs(stripped.scale()) <= 30 ? stripped.toPlainString() : stripped.toString();
    }

    /** Collects the errors of one item. */
    private record Check(int index, String eventId, List<FieldError> errors) {

        void fail(String field, String message) {
            errors.add(new FieldError(index, eventId, field, message));
        }

        boolean hasError(String field) {
            return errors.stream().anyMatch(error -> field.equals(error.field()));
        }
    }
}
