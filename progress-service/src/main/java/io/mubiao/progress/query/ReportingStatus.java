package io.mubiao.progress.query;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which direct children of {@code parent} reported on {@code date}: {@code reported} of {@code of} did. A child
 * counts as reported when it or any unit below it has a report for that date (of {@code indicator}, or of any
 * indicator when it is null).
 */
@Schema(name = "ReportingStatus")
public record ReportingStatus(
        String parent,
        LocalDate date,
        @Schema(description = "The indicator asked about; null: any indicator")
        String indicator,
        @Schema(description = "How many children reported on date")
        int reported,
        @Schema(description = "How many direct children parent has")
        int of,
        List<Child> children) {

    /** One direct child of the parent and its subtree. */
    @Schema(name = "ReportingStatusChild")
    public record Child(
            String orgUnit,
            String name,
            String kind,
            @Schema(description = "The child or a unit below it reported on date")
            boolean reported,
            @Schema(description = "The latest date on or before date with a report of the child or a unit below it; "
                    + "null if none")
            LocalDate lastReportDate,
            @Schema(description = "Units in the child's subtree, the child included")
            int units,
            @Schema(description = "Of those, how many reported on date")
            int reportedUnits) {
    }
}
