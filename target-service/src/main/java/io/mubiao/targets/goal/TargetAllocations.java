package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.mubiao.events.Measure;
import io.mubiao.events.TargetKind;
import io.mubiao.problem.Problem;
import io.mubiao.targets.indicator.Indicator;

/**
 * The arithmetic of an allocation (API.md): how a parent's target becomes a child's.
 * <ul>
 * <li>A CUMULATIVE VALUE target is split: the children's values add up to the parent's value exactly.</li>
 * <li>Every other target (RATIO, SNAPSHOT, any GROWTH target) is not split: each child's value stands
 * alone.</li>
 * <li>Either way the child's milestones have the parent's due dates and the parent's shape: each parent
 * milestone value scaled by child value / parent value, rounded half-up to the indicator's decimals. A
 * milestone equal to the parent's year-end value becomes exactly the child's value (so a 31 December
 * milestone still equals the child's value whatever the rounding). When the parent's value is 0 (e.g. a
 * GROWTH 0 target) there is no ratio: the milestones are shifted by the child's value instead.</li>
 * <li>The child takes the parent's kind and trajectory; its start is scaled the same way for a CUMULATIVE
 * VALUE target and copied otherwise.</li>
 * </ul>
 */
final class TargetAllocations {

    /** The target a child gets from its share. */
    record Share(BigDecimal value, BigDecimal start, List<TargetRequest.Milestone> milestones) {
    }

    static boolean splits(Indicator indicator, Target parent) {
        return indicator.measure == Measure.CUMULATIVE && parent.kind == TargetKind.VALUE;
    }

    /** For a split target, the one error "children" saying by how much (signed, in the unit) they miss. */
    static List<Problem.FieldError> checkSum(Indicator indicator, Target parent,
            List<AllocationRequest.Child> children) {
        if (!splits(indicator, parent)) {
            return List.of();
        }
        BigDecimal sum = children.stream().map(AllocationRequest.Child::value).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal difference = sum.subtract(parent.value);
        if (difference.signum() == 0) {
            return List.of();
        }
        String signed = (difference.signum() > 0 ? "+" : "") + difference.stripTrailingZeros().toPlainString();
        return List.of(Problem.FieldError.of("children", "the children add up to "
                + sum.stripTrailingZeros().toPlainString() + " " + indicator.unit + " but the parent's value is "
                + parent.value.stripTrailingZeros().toPlainString() + " " + indicator.unit + ": they miss by "
                + signed + " " + indicator.unit));
    }

    static Share share(Indicator indicator, Target parent, BigDecimal childValue) {
        BigDecimal start = splits(indicator, parent) ? scale(indicator, parent, childValue, parent.start)
                : parent.start;
        List<TargetRequest.Milestone> milestones = parent.milestones.stream()
                .map(m -> new TargetRequest.Milestone(m.due, scale(indicator, parent, childValue, m.value)))
                .toList();
        return new Share(childValue, start, milestones);
    }

    private static BigDecimal scale(Indicator indicator, Target parent, BigDecimal childValue, BigDecimal value) {
        if (value.compareTo(parent.value) == 0) {
            return childValue;
        }
        if (parent.value.signum() == 0) {
            return value.add(childValue);
        }
        return value.multiply(childValue).divide(parent.value, indicator.decimals, RoundingMode.HALF_UP);
    }

    private TargetAllocations() {
    }
}
