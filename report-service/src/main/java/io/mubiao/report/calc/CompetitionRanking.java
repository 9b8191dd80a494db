package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import io.mubiao.events.Direction;

/**
 * Standard competition ranks ("1224"): equal values share a rank and the next value skips the places they
 * took. The best value is the highest for HIGHER_IS_BETTER and the lowest for LOWER_IS_BETTER. Values are
 * compared numerically (2.0 equals 2.00); callers pass them rounded as shown, so ties look like ties.
 */
public final class CompetitionRanking {

    /** The rank of each value, in the order given; null for a null value (no data, no rank). */
    public static List<Integer> ranks(List<BigDecimal> values, Direction direction) {
        Comparator<BigDecimal> better = direction == Direction.LOWER_IS_BETTER
                ? Comparator.naturalOrder()
                : Comparator.reverseOrder();
        List<Integer> order = IntStream.range(0, values.size()).filter(i -> values.get(i) != null).boxed()
                .sorted(Comparator.comparing(values::get, better)).toList();
        Integer[] ranks = new Integer[values.size()];
        for (int place = 0; place < order.size(); place++) {
            int index = order.get(place);
            boolean tiesPrevious = place > 0 && values.get(order.get(place - 1)).compareTo(values.get(index)) == 0;
            ranks[index] = tiesPrevious ? ranks[order.get(place - 1)] : place + 1;
        }
        return new ArrayList<>(Arrays.asList(ranks));
    }

    /** The best of the values by the direction, or null when all are null. */
    public static BigDecimal best(List<BigDecimal> values, Direction direction) {
        Comparator<BigDecimal> natural = Comparator.naturalOrder();
        return values.stream().filter(v -> v != null)
                .reduce((a, b) -> (direction == Direction.LOWER_IS_BETTER ? natural.compare(a, b) <= 0
                        : natural.compare(a, b) >= 0) ? a : b)
                .orElse(null);
    }

    private CompetitionRanking() {
    }
}
