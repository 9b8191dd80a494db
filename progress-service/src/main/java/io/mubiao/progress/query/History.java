package io.mubiao.progress.query;

import java.time.LocalDate;
import java.util.List;

/** Every revision of one unit's report for one indicator and date, oldest first. */
public record History(String orgUnit, String indicator, LocalDate date, List<Observation> revisions) {
}
