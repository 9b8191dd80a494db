package io.mubiao.progress;

import static io.mubiao.progress.ReferenceData.awaitAccepted;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.publishIndicator;
import static io.mubiao.progress.ReferenceData.publishOrgUnits;
import static io.mubiao.progress.ReferenceData.today;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.mubiao.events.Measure;

/**
 * A small tree of this test's own codes, published the way target-service does and known to the service once
 * {@link #seed()} returns: a province with two cities; the first city has two counties, the other city one.
 * And one RATIO indicator.
 *
 * <pre>
 * province ─┬─ city ─────┬─ county
 *           │            └─ otherCounty
 *           └─ otherCity ── otherCitysCounty
 * </pre>
 */
public record OrgTree(String province, String city, String county, String otherCounty, String otherCity,
        String otherCitysCounty, String rate) {

    public static OrgTree seed() {
        OrgTree tree = new OrgTree(code("FJ"), code("FZ"), code("GL"), code("MH"), code("XM"), code("SM"), code("rate"));
        publishOrgUnits(List.of(List.of(tree.province), List.of(tree.province, tree.city),
                List.of(tree.province, tree.city, tree.county), List.of(tree.province, tree.city, tree.otherCounty),
                List.of(tree.province, tree.otherCity), List.of(tree.province, tree.otherCity, tree.otherCitysCounty)));
        publishIndicator(tree.rate, Measure.RATIO);
        for (String unit : List.of(tree.province, tree.city, tree.county, tree.otherCounty, tree.otherCity,
                tree.otherCitysCounty)) {
            awaitAccepted(tree.report(unit, today(), 1));
        }
        return tree;
    }

    /** A report of {@code numerator} / 100 on the tree's indicator. */
    public Map<String, Object> report(String orgUnit, LocalDate date, int numerator) {
        return Map.of("orgUnit", orgUnit, "indicator", rate, "date", date.toString(), "numerator", numerator,
                "denominator", 100);
    }

    /** Why a reporter or supervisor of {@code area} is refused {@code unit}. */
    public static String outside(String unit, String area) {
        return unit + " is outside your area (" + area + " and the units below it)";
    }
}
