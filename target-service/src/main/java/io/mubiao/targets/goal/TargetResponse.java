package io.mubiao.targets.goal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.mubiao.events.TargetKind;
import io.mubiao.events.Trajectory;

/** A target as the API shows it; milestones exactly as given (no synthetic 31 December entry). */
public record TargetResponse(String indicator, String orgUnit, int year, TargetKind kind, BigDecimal value,
        BigDecimal start, Trajectory trajectory,
        @Schema(description = "ascending by due date, as given") List<Milestone> milestones,
        @Schema(description = "subject (sub) of the token that made the current version", examples = "admin@FJ")
        String changedBy,
        @Schema(examples = "2026-01-05T08:30:00Z") Instant changedAt,
        @Schema(description = "number of the current version; the history lists them all", examples = "2")
        int version,
        @Schema(description = "the last allocation of this target over the direct children of its org unit "
                + "(PUT .../allocation); empty when it was never allocated")
        List<Allocated> allocation) {

    public record Milestone(LocalDate due, BigDecimal value) {
    }

    public record Allocated(@Schema(examples = "FJ-FZ") String orgUnit, @Schema(examples = "60") BigDecimal value) {
    }

    static TargetResponse of(Target target) {
        return new TargetResponse(target.indicator, target.orgUnit, target.year, target.kind, target.value,
                target.start, target.trajectory,
                target.milestones.stream().map(m -> new Milestone(m.due, m.value)).toList(),
                target.changedBy, target.changedAt, target.version,
                target.allocation.stream().map(a -> new Allocated(a.orgUnit, a.value)).toList());
    }
}
