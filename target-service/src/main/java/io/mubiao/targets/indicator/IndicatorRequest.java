package io.mubiao.targets.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;
import io.mubiao.targets.Codes;
import io.mubiao.targets.EnumValue;

/** Body of {@code PUT /api/indicators/{code}}. */
public record IndicatorRequest(
        @Schema(examples = "企业年报率") @NotBlank @Size(max = 200) String name,
        @Schema(description = "unit shown with values", examples = "%") @NotBlank @Size(max = 32) String unit,
        @Schema(enumeration = { "RATIO", "CUMULATIVE", "SNAPSHOT" }, required = true)
        @NotNull @EnumValue(Measure.class) String measure,
        @Schema(enumeration = { "HIGHER_IS_BETTER", "LOWER_IS_BETTER" }, required = true)
        @NotNull @EnumValue(Direction.class) String direction,
        @Schema(description = "indicators compared together, like the three filing rates", examples = "annual-report")
        @Pattern(regexp = Codes.REGEX, message = Codes.MESSAGE) String group,
        @Schema(description = "decimals shown and used for rounding gaps; default 2", examples = "2")
        @Min(0) @Max(6) Integer decimals) {
}
