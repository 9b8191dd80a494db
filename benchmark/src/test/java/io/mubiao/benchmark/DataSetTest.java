package io.mubiao.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DataSetTest {

    @Test
    void threeThousandCountiesMakeThirtyOneProvincesOfAboutTenCountiesPerCity() {
        DataSet data = DataSet.of(3000, 50);
        assertEquals("root BENCH3000, 31 provinces, 300 cities, 3,000 counties; 50 indicators (25 RATIO, 25 CUMULATIVE)",
                data.describe());
        assertEquals(1 + 31 + 300 + 3000, data.units.size());
    }

    @Test
    void aSmallSetStillHasOneProvinceAndOneCity() {
        assertEquals("root BENCH3, 1 province, 1 city, 3 counties; 1 indicator (1 RATIO, 0 CUMULATIVE)",
                DataSet.of(3, 1).describe());
    }

    @Test
    void parentsComeBeforeTheirChildren() {
        DataSet data = DataSet.of(250, 2);
        var seen = new java.util.HashSet<String>();
        for (DataSet.Unit unit : data.units) {
            if (unit.parent() != null) {
                assertEquals(true, seen.contains(unit.parent()), unit.code());
            }
            seen.add(unit.code());
        }
    }
}
