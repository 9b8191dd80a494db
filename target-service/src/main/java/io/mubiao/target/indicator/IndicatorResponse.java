package io.mubiao.target.indicator;

import io.mubiao.events.Direction;
import io.mubiao.events.Measure;

/** An indicator as the API shows it. */
public record IndicatorResponse(String code, String name, String unit, Measure measure, Direction direction,
        String group, int decimals) {

    static IndicatorResponse of(Indicator indicator) {
        return new IndicatorResponse(indicator.code, indicator.name, indicator.unit, indicator.measure,
                indicator.direction, indicator.group, indicator.decimals);
    }
}
