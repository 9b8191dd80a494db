package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;

/** One version of a target as the history shows it: its state then, who made it and when. */
public record TargetVersionResponse(
        @Schema(description = "1 for the target as created, +1 per change", examples = "2") int version,
        TargetKind kind, BigDecimal value, BigDecimal start, Trajectory trajectory,
        @Schema(description = "ascending by due date, as given") List<TargetResponse.Milestone> milestones,
        @Schema(description = "subject (sub) of the token that made this version", examples = "admin@FJ")
        String changedBy,
        @Schema(examples = "2026-01-05T08:30:00Z") Instant changedAt) {
}
