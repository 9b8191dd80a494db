package io.mubiao.progress.reference;

import static io.mubiao.progress.ReferenceData.awaitAccepted;
import static io.mubiao.progress.ReferenceData.awaitDryRunStatus;
import static io.mubiao.progress.ReferenceData.code;
import static io.mubiao.progress.ReferenceData.publishDeletion;
import static io.mubiao.progress.ReferenceData.publishIndicator;
import static io.mubiao.progress.ReferenceData.publishOrgUnit;
import static io.mubiao.progress.ReferenceData.publishRaw;
import static io.mubiao.progress.ReferenceData.seed;
import static io.mubiao.progress.ReferenceData.today;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.events.Measure;
import io.mubiao.events.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The local copy follows target-service's compacted topics: upserts, changes and tombstones. */
@QuarkusTest
class ReferenceConsumerTest {

    @Test
    void keepsOrgUnitWithItsPlaceInTheTree() {
        String parent = code("FZ");
        String unit = code("GL");
        String rate = code("rate");
        publishOrgUnit(parent, null);
        publishOrgUnit(unit, parent);
        publishIndicator(rate, Measure.RATIO);
        awaitAccepted(ratio(unit, rate));

        OrgUnit stored = QuarkusTransaction.requiringNew().call(() -> OrgUnit.findById(unit));
        assertEquals(parent, stored.parent);
        assertEquals(List.of(parent, unit), stored.path);
        assertEquals("region", stored.kind);
    }

    @Test
    void forgetsOrgUnitDeletedByTombstone() {
        String unit = code("GL");
        String rate = code("rate");
        seed(unit, rate, Measure.RATIO);

        publishDeletion(Topics.ORG_UNITS, unit);

        awaitDryRunStatus(ratio(unit, rate), 422);
    }

    @Test
    void followsAChangeOfMeasure() {
        String unit = code("GL");
        String indicator = code("rate");
        seed(unit, indicator, Measure.CUMULATIVE);

        publishIndicator(indicator, Measure.RATIO);

        awaitAccepted(ratio(unit, indicator));
    }

    @Test
    void passesOverAnUnreadableRecordAndKeepsConsuming() {
        String unit = code("GL");
        String rate = code("rate");
        publishRaw(Topics.INDICATORS, rate, "{not json");
        publishRaw(Topics.INDICATORS, rate, "{\"code\": \"" + rate + "\"}");

        seed(unit, rate, Measure.RATIO);
    }

    private static Map<String, Object> ratio(String unit, String indicator) {
        return Map.of("orgUnit", unit, "indicator", indicator, "date", today().toString(), "numerator", 1,
                "denominator", 2);
    }
}
