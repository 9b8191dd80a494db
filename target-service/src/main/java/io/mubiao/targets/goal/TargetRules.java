package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.mubiao.problem.Problem;

/** The domain rules of a target (API.md), as plain calculations; each broken rule names its field. */
final class TargetRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MonthDay YEAR_END = MonthDay.of(12, 31);

    /** LINEAR for VALUE targets of RATIO and CUMULATIVE indicators; FLAT (a level to hold) otherwise. */
    static Trajectory defaultTrajectory(Measure measure, TargetKind kind) {
        return kind == TargetKind.VALUE && measure != Measure.SNAPSHOT ? Trajectory.LINEAR : Trajectory.FLAT;
    }

    /**
     * Every broken rule, in field order: milestones are non-empty, due inside {@code year} and strictly
     * ascending; a RATIO VALUE target (value, start, milestones) is a percentage in 0–100; the milestones
     * of a HIGHER_IS_BETTER VALUE target of a RATIO or CUMULATIVE indicator, and then its year-end value,
     * never fall; a milestone due 31 December is the year-end target and must equal {@code value}.
     */
    static List<Problem.FieldError> check(Measure measure, Direction direction, int year, TargetKind kind,
            BigDecimal value, BigDecimal start, List<TargetRequest.Milestone> milestones) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean percentage = kind == TargetKind.VALUE && measure == Measure.RATIO;
        boolean rising = kind == TargetKind.VALUE && direction == Direction.HIGHER_IS_BETTER
                && measure != Measure.SNAPSHOT;
        if (percentage) {
            checkPercentage(errors, "value", value);
            checkPercentage(errors, "start", start);
        }
        LocalDate previousDue = null;
        String previousDueField = null;
        BigDecimal previousValue = null;
        String previousValueField = null;
        boolean yearEndGiven = false;
        for (int i = 0; i < milestones.size(); i++) {
            TargetRequest.Milestone milestone = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (milestone == null) {
                errors.add(Problem.FieldError.of(field, "the milestone is empty: give due and value"));
                continue;
            }
            LocalDate due = milestone.due();
            if (due != null) {
                if (due.getYear() != year) {
                    errors.add(Problem.FieldError.of(field + ".due", due + " lies outside " + year));
                } else if (previousDue != null && !due.isAfter(previousDue)) {
                    errors.add(Problem.FieldError.of(field + ".due", due + " must come after " + previousDueField
                            + " (" + previousDue + "): due dates are strictly ascending"));
                }
                previousDue = due;
                previousDueField = field + ".due";
            }
            BigDecimal milestoneValue = milestone.value();
            if (milestoneValue == null) {
                continue;
            }
            if (percentage) {
                checkPercentage(errors, field + ".value", milestoneValue);
            }
            if (rising && previousValue != null && milestoneValue.compareTo(previousValue) < 0) {
                errors.add(Problem.FieldError.of(field + ".value", milestoneValue.toPlainString() + " is below "
                        + previousValueField + " (" + previousValue.toPlainString() + "): the milestones of a "
                        + "HIGHER_IS_BETTER " + measure + " target may not fall"));
            }
            boolean yearEnd = due != null && due.getYear() == year && MonthDay.from(due).equals(YEAR_END);
            yearEndGiven |= yearEnd;
            if (yearEnd && value != null && milestoneValue.compareTo(value) != 0) {
                errors.add(Problem.FieldError.of(field + ".value", "the milestone of 31 December is the year-end "
                        + "target: it must equal value (" + value.toPlainString() + "), not "
                        + milestoneValue.toPlainString()));
            }
            previousValue = milestoneValue;
            previousValueField = field + ".value";
        }
        // When 31 December is given, its own check above already compares it with value.
        if (rising && !yearEndGiven && value != null && previousValue != null && value.compareTo(previousValue) < 0) {
            errors.add(Problem.FieldError.of("value", "the year-end value " + value.toPlainString() + " is below "
                    + previousValueField + " (" + previousValue.toPlainString() + "): the milestones of a "
                    + "HIGHER_IS_BETTER " + measure + " target may not fall"));
        }
        return errors;
    }

    private static void checkPercentage(List<Problem.FieldError> errors, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            errors.add(Problem.FieldError.of(field, value.toPlainString()
                    + " is not a percentage: a RATIO target lies in 0 to 100"));
        }
    }

    private TargetRules() {
    }
}
