package io.mubiao.report.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mubiao.events.Measure;

/**
 * The value of a unit: its own report when it has one, otherwise the roll-up of its children (each valued
 * the same way, down the tree). RATIO rolls up as 100 × Σnumerator / Σdenominator — the ratio of sums, never
 * the mean of the children's rates, so that a county with ten times the entities weighs ten times as much.
 * CUMULATIVE rolls up as Σvalue. SNAPSHOT never rolls up: a growth rate of the parent is not derivable from
 * its children's, so only the unit's own report counts.
 */
public final class RollUp {

    private final Measure measure;
    private final Map<String, List<String>> children;
    private final Map<String, Figure> own;
    private final Map<String, Figure> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    /**
     * @param children the child codes of each unit of the tree
     * @param own      each unit's own report (the as-of figure), absent when it has none
     */
    public RollUp(Measure measure, Map<String, List<String>> children, Map<String, Figure> own) {
        this.measure = measure;
        this.children = children;
        this.own = own;
    }

    /** The figure of {@code code}, or null when neither it nor anything below it has data. */
    public Figure valueOf(String code) {
        if (own.isEmpty()) {
            return null;
        }
        Figure ownFigure = own.get(code);
        if (ownFigure != null || measure == Measure.SNAPSHOT) {
            return ownFigure;
        }
        if (resolved.containsKey(code)) {
            return resolved.get(code);
        }
        // A cycle cannot come from target-service, but a half-applied move could show one for a moment.
        if (!resolving.add(code)) {
            return null;
        }
        List<String> below = children.getOrDefault(code, List.of());
        List<Figure> figures = new ArrayList<>(below.size());
        for (String child : below) {
            figures.add(valueOf(child));
        }
        resolving.remove(code);
        Figure figure = combine(measure, figures);
        resolved.put(code, figure);
        return figure;
    }

    /** One level of roll-up over the children's figures; nulls (children without data) are left out. */
    public static Figure combine(Measure measure, Collection<Figure> figures) {
        return switch (measure) {
            case RATIO -> {
                BigDecimal numerator = BigDecimal.ZERO;
                BigDecimal denominator = BigDecimal.ZERO;
                boolean any = false;
                for (Figure figure : figures) {
                    if (figure != null && figure.hasParts()) {
                        numerator = numerator.add(figure.numerator());
                        denominator = denominator.add(figure.denominator());
                        any = true;
                    }
                }
                yield any ? Figure.ratio(numerator, denominator) : null;
            }
            case CUMULATIVE -> {
                BigDecimal sum = BigDecimal.ZERO;
                boolean any = false;
                for (Figure figure : figures) {
                    if (figure != null && figure.value() != null) {
                        sum = sum.add(figure.value());
                        any = true;
                    }
                }
                yield any ? Figure.of(sum) : null;
            }
            case SNAPSHOT -> null;
        };
    }
}
