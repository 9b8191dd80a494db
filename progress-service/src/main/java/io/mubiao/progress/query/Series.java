package io.mubiao.progress.query;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The latest revision of each reported date of one unit and indicator, by date; {@code from} / {@code to} as asked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Series(String orgUnit, String indicator, LocalDate from, LocalDate to, List<Observation> points) {
}
