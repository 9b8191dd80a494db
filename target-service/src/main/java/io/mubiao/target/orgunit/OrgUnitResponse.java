package io.mubiao.target.orgunit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An org unit as the API shows it. */
public record OrgUnitResponse(
        @Schema(examples = "FJ-FZ") String code,
        @Schema(examples = "福州市") String name,
        @Schema(description = "null for a root", examples = "FJ") String parent,
        @Schema(examples = "region") String kind,
        @Schema(description = "1 for a root, +1 per generation", examples = "3") int level,
        @Schema(description = "codes from the root to this unit, this unit last") List<String> path) {

    static OrgUnitResponse of(OrgUnitState state) {
        return new OrgUnitResponse(state.code(), state.name(), state.parent(), state.kind(), state.level(), state.path());
    }
}
