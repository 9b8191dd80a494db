package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.targets.Codes;
import io.mubiao.targets.Decimals;

/** Body of {@code PUT /api/targets/{indicator}/{orgUnit}/{year}/allocation}. */
public record AllocationRequest(
        @Schema(description = "direct children of the target's org unit, each once, with their year-end value; "
                + "for a CUMULATIVE VALUE target they add up to the parent's value")
        @NotEmpty List<@Valid @NotNull Child> children) {

    public record Child(
            @Schema(required = true, examples = "FJ-FZ") @NotNull
            @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String orgUnit,
            @Schema(required = true, examples = "60") @NotNull
            @Digits(integer = Decimals.INTEGER_DIGITS, fraction = Decimals.FRACTION_DIGITS, message = Decimals.MESSAGE)
            BigDecimal value) {
    }
}
