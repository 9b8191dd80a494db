package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;
import io.mubiao.targets.Decimals;
import io.mubiao.targets.EnumValue;

/** Body of {@code PUT /api/targets/{indicator}/{orgUnit}/{year}}. */
public record TargetRequest(
        @Schema(enumeration = { "VALUE", "GROWTH" }, description = "VALUE (default): the indicator's own value; "
                + "GROWTH: the change over the same date last year (percent for CUMULATIVE, points otherwise)")
        @EnumValue(TargetKind.class) String kind,
        @Schema(description = "the year-end target; counts as the milestone of 31 December when none is given for that day",
                examples = "100")
        @NotNull
        @Digits(integer = Decimals.INTEGER_DIGITS, fraction = Decimals.FRACTION_DIGITS, message = Decimals.MESSAGE)
        BigDecimal value,
        @Schema(description = "the value at 1 January where the trajectory starts; default 0", examples = "0")
        @Digits(integer = Decimals.INTEGER_DIGITS, fraction = Decimals.FRACTION_DIGITS, message = Decimals.MESSAGE)
        BigDecimal start,
        @Schema(enumeration = { "LINEAR", "STEP", "FLAT" }, description = "default LINEAR for VALUE targets of RATIO "
                + "and CUMULATIVE indicators, FLAT for GROWTH targets and SNAPSHOT indicators")
        @EnumValue(Trajectory.class) String trajectory,
        @Schema(description = "due dates inside the year, strictly ascending; may be empty")
        List<@Valid Milestone> milestones) {

    public record Milestone(
            @Schema(required = true, examples = "2026-03-31") @NotNull LocalDate due,
            @Schema(required = true, examples = "20") @NotNull
            @Digits(integer = Decimals.INTEGER_DIGITS, fraction = Decimals.FRACTION_DIGITS, message = Decimals.MESSAGE)
            BigDecimal value) {
    }
}
