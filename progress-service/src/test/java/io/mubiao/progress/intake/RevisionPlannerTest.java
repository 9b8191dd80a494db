package io.mubiao.progress.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.progress.intake.RevisionPlanner.Accepted;
import io.mubiao.progress.intake.RevisionPlanner.Duplicate;
import io.mubiao.progress.intake.RevisionPlanner.Outcome;
import io.mubiao.progress.intake.RevisionPlanner.Rejected;
import io.mubiao.progress.intake.RevisionPlanner.Stored;

class RevisionPlannerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 4, 15);

    @Test
    void firstReportOfADayIsRevisionOne() {
        Accepted accepted = accepted(plan(List.of(report(0, "e1", 5)), Map.of(), Map.of()).get(0));
        assertEquals(1, accepted.revision());
        assertEquals("e1", accepted.eventId());
    }

    @Test
    void reportForAReportedDayIsTheNextRevision() {
        Content stored = content(5);
        List<Outcome> outcomes = plan(List.of(report(0, "e2", 6)),
                Map.of(stored.key(), new Stored("e1", 3, stored)), Map.of("e1", stored));
        assertEquals(4, accepted(outcomes.get(0)).revision());
    }

    @Test
    void knownEventIdWithSameContentIsDuplicate() {
        Content stored = content(5);
        List<Outcome> outcomes = plan(List.of(report(0, "e1", 5)),
                Map.of(stored.key(), new Stored("e1", 1, stored)), Map.of("e1", stored));
        assertInstanceOf(Duplicate.class, outcomes.get(0));
    }

    @Test
    void knownEventIdWithOtherContentIsRejectedOnEventId() {
        Content stored = content(5);
        Rejected rejected = assertInstanceOf(Rejected.class, plan(List.of(report(3, "e1", 6)),
                Map.of(stored.key(), new Stored("e1", 1, stored)), Map.of("e1", stored)).get(0));
        assertEquals("eventId", rejected.error().field());
        assertEquals(3, rejected.error().index());
        assertEquals("eventId e1 was already used for a different report (GL, rate, 2026-04-15, value 5)",
                rejected.error().message());
    }

    @Test
    void newEventIdRepeatingTheLatestFigureIsStillStored() {
        Content stored = content(5);
        List<Outcome> outcomes = plan(List.of(report(0, "e2", 5)),
                Map.of(stored.key(), new Stored("e1", 1, stored)), Map.of("e1", stored));
        assertEquals(2, accepted(outcomes.get(0)).revision());
    }

    @Test
    void reportWithoutEventIdRepeatingTheLatestFigureIsDuplicate() {
        Content stored = content(5);
        List<Outcome> outcomes = plan(List.of(report(0, null, 5)),
                Map.of(stored.key(), new Stored("e1", 1, stored)), Map.of());
        assertInstanceOf(Duplicate.class, outcomes.get(0));
    }

    @Test
    void reportWithoutEventIdGetsOneDerivedFromContentAndRevision() {
        Accepted accepted = accepted(plan(List.of(report(0, null, 5)), Map.of(), Map.of()).get(0));
        assertEquals(RevisionPlanner.derivedEventId(content(5), 1), accepted.eventId());
        assertEquals(RevisionPlanner.derivedEventId(content(5), 1), RevisionPlanner.derivedEventId(content(5), 1));
        assertNotEquals(RevisionPlanner.derivedEventId(content(5), 1), RevisionPlanner.derivedEventId(content(5), 2));
        assertNotEquals(RevisionPlanner.derivedEventId(content(5), 1), RevisionPlanner.derivedEventId(content(6), 1));
    }

    @Test
    void reportsForOneDayInOneBatchAreNumberedInOrder() {
        List<Outcome> outcomes = plan(List.of(report(0, null, 1), report(1, "b", 2), report(2, null, 2),
                report(3, "b", 2), report(4, "b", 3), report(5, null, 1)), Map.of(), Map.of());
        assertEquals(1, accepted(outcomes.get(0)).revision());
        assertEquals(2, accepted(outcomes.get(1)).revision());
        assertInstanceOf(Duplicate.class, outcomes.get(2));
        assertInstanceOf(Duplicate.class, outcomes.get(3));
        assertInstanceOf(Rejected.class, outcomes.get(4));
        assertEquals(3, accepted(outcomes.get(5)).revision());
    }

    @Test
    void derivedEventIdAlreadyStoredWithSameContentIsDuplicate() {
        String derived = RevisionPlanner.derivedEventId(content(5), 1);
        assertInstanceOf(Duplicate.class, plan(List.of(report(0, null, 5)), Map.of(),
                Map.of(derived, content(5))).get(0));
    }

    private static List<Outcome> plan(List<ValidReport> reports, Map<Content.Key, Stored> latest,
            Map<String, Content> known) {
        return RevisionPlanner.plan(reports, latest, known);
    }

    private static Accepted accepted(Outcome outcome) {
        return assertInstanceOf(Accepted.class, outcome);
    }

    private static ValidReport report(int index, String eventId, int value) {
        return new ValidReport(index, eventId, content(value));
    }

    private static Content content(int value) {
        return new Content("GL", "rate", DAY, BigDecimal.valueOf(value).setScale(Content.SCALE), null, null, null);
    }
}
