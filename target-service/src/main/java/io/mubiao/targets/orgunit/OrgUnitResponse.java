package io.mubiao.targets.orgunit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An org unit as the API shows it. */
public record OrgUnitResponse(
        @Schema(examples = "FJ-FZ") String code,
        @Schema(examples = "福州市") String name,
        @Schema(description = "null for a root", examples = "FJ") String parent,
        @Schema(examples = "region") String kind,
        @Schema(description = "1 for a root, +1 per generation", examples = "3") int level,
        @Schema(description = "codes from the root to this unit, this unit last") List<String> path,
        @Schema(description = "subject (sub) of the token that made the last change, a move of an ancestor included",
                examples = "admin@FJ") String changedBy,
        @Schema(examples = "2026-01-05T08:30:00Z") Instant changedAt,
        @Schema(description = "1 when created, +1 per change (a move of an ancestor included); "
                + "the version of the unit's latest OrgUnitChanged event", examples = "2") long version) {

    static OrgUnitResponse of(OrgUnitState state, String changedBy, Instant changedAt, long version) {
        return new OrgUnitResponse(state.code(), state.name(), state.parent(), state.kind(), state.level(),
                state.path(), changedBy, changedAt, version);
    }

    static OrgUnitResponse of(OrgUnit unit) {
        return of(unit.state(), unit.changedBy, unit.changedAt, unit.version);
    }
}
