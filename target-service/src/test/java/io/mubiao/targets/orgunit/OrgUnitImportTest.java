package io.mubiao.targets.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mubiao.problem.Problem;

/** The import planner on its own: ordering, rejections, cycles and moves, without a database. */
class OrgUnitImportTest {

    private final Map<String, OrgUnitState> stored = new HashMap<>();

    private void store(String code, String parent) {
        List<String> path = new ArrayList<>();
        if (parent != null) {
            path.addAll(stored.get(parent).path());
        }
        path.add(code);
        stored.put(code, new OrgUnitState(code, code, parent, OrgUnitState.DEFAULT_KIND, path.size(), path));
    }

    private static OrgUnitImportRow row(String code, String parent) {
        return new OrgUnitImportRow(code, code, parent, null);
    }

    private OrgUnitImport.Plan plan(OrgUnitImportRow... rows) {
        return OrgUnitImport.plan(Arrays.asList(rows), stored);
    }

    private static OrgUnitState find(List<OrgUnitState> units, String code) {
        return units.stream().filter(unit -> unit.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<Integer> rejectedIndexes(OrgUnitImport.Plan plan) {
        return plan.errors().stream().map(Problem.FieldError::index).toList();
    }

    @Test
    void ordersInsertsParentsFirstWhateverTheFileOrder() {
        OrgUnitImport.Plan plan = plan(row("c", "b"), row("d", "b"), row("b", "a"), row("a", null));
        assertEquals(List.of("a", "b", "c", "d"), plan.inserts().stream().map(OrgUnitState::code).toList());
        assertEquals(List.of("a", "b", "c"), find(plan.inserts(), "c").path());
        assertEquals(3, find(plan.inserts(), "c").level());
        assertEquals(4, plan.created());
        assertEquals(0, plan.rejected());
    }

    @Test
    void attachesToStoredParents() {
        store("cn", null);
        store("fj", "cn");
        OrgUnitImport.Plan plan = plan(row("fz", "fj"));
        assertEquals(List.of("cn", "fj", "fz"), plan.inserts().get(0).path());
        assertTrue(plan.updates().isEmpty());
    }

    @Test
    void rejectsUnknownParent() {
        OrgUnitImport.Plan plan = plan(row("a", "nowhere"), row("b", null));
        assertEquals(List.of(0), rejectedIndexes(plan));
        assertEquals("parent", plan.errors().get(0).field());
        assertTrue(plan.errors().get(0).message().contains("unknown parent nowhere"));
        assertEquals(1, plan.created());
    }

    @Test
    void rejectsBadCodeEmptyNameAndBadKind() {
        OrgUnitImport.Plan plan = OrgUnitImport.plan(Arrays.asList(
                new OrgUnitImportRow("has space", "x", null, null),
                new OrgUnitImportRow(null, "x", null, null),
                new OrgUnitImportRow("ok", "  ", null, null),
                new OrgUnitImportRow("kind", "x", null, "no spaces"),
                null), stored);
        assertEquals(List.of("code", "code", "name", "kind"),
                plan.errors().stream().limit(4).map(Problem.FieldError::field).toList());
        assertEquals(List.of(0, 1, 2, 3, 4), rejectedIndexes(plan));
        assertTrue(plan.inserts().isEmpty());
    }

    @Test
    void rejectsChildrenAndGrandchildrenOfRejectedRows() {
        OrgUnitImport.Plan plan = OrgUnitImport.plan(List.of(
                new OrgUnitImportRow("grandchild", "g", "child", null),
                new OrgUnitImportRow("child", "c", "root", null),
                new OrgUnitImportRow("root", "", null, null),
                new OrgUnitImportRow("other", "o", null, null)), stored);
        assertEquals(List.of(0, 1, 2), rejectedIndexes(plan));
        assertTrue(plan.errors().get(1).message().contains("parent root of child was rejected (row 2)"));
        assertTrue(plan.errors().get(0).message().contains("parent child of grandchild was rejected (row 1)"));
        assertEquals(List.of("other"), plan.inserts().stream().map(OrgUnitState::code).toList());
    }

    @Test
    void rejectsChildOfRejectedRowEvenWhenThatUnitIsStored() {
        store("root", null);
        OrgUnitImport.Plan plan = OrgUnitImport.plan(List.of(
                new OrgUnitImportRow("root", "", null, null),
                new OrgUnitImportRow("child", "c", "root", null)), stored);
        assertEquals(List.of(0, 1), rejectedIndexes(plan));
    }

    @Test
    void rejectsEveryRowOfACycleInTheFile() {
        OrgUnitImport.Plan plan = plan(row("a", "c"), row("b", "a"), row("c", "b"), row("d", "c"), row("e", null));
        assertEquals(List.of(0, 1, 2, 3), rejectedIndexes(plan));
        assertTrue(plan.errors().get(0).message().startsWith("cycle: "));
        assertTrue(plan.errors().get(3).message().contains("was rejected"));
        assertEquals(List.of("e"), plan.inserts().stream().map(OrgUnitState::code).toList());
    }

    @Test
    void rejectsCycleThroughStoredUnits() {
        store("a", null);
        store("b", "a");
        store("c", "b");
        OrgUnitImport.Plan plan = plan(row("a", "c"));
        assertEquals(List.of(0), rejectedIndexes(plan));
        assertTrue(plan.errors().get(0).message().contains("cycle: a → c → b → a"), plan.errors().get(0).message());
        assertTrue(plan.updates().isEmpty());
    }

    @Test
    void rejectsSameCodeWithDifferentParents() {
        OrgUnitImport.Plan plan = plan(row("r", null), row("s", null), row("x", "r"), row("x", "s"));
        assertEquals(List.of(2, 3), rejectedIndexes(plan));
        assertTrue(plan.errors().get(0).message().contains("different parents in rows 2, 3"));
    }

    @Test
    void appliesRepeatedRowsWithTheSameParentInFileOrder() {
        OrgUnitImport.Plan plan = OrgUnitImport.plan(List.of(
                new OrgUnitImportRow("x", "first", null, null),
                new OrgUnitImportRow("x", "first", null, null),
                new OrgUnitImportRow("x", "second", null, "department")), stored);
        assertEquals(0, plan.rejected());
        assertEquals(1, plan.created());
        assertEquals(1, plan.unchanged());
        assertEquals(1, plan.updated());
        assertEquals("second", plan.inserts().get(0).name());
        assertEquals("department", plan.inserts().get(0).kind());
    }

    @Test
    void movingAStoredUnitUpdatesItsStoredDescendants() {
        store("r1", null);
        store("r2", null);
        store("m", "r1");
        store("c", "m");
        store("g", "c");
        OrgUnitImport.Plan plan = plan(row("m", "r2"));
        assertEquals(1, plan.updated());
        assertEquals(List.of("m", "c", "g"), plan.updates().stream().map(OrgUnitState::code).toList());
        assertEquals(List.of("r2", "m", "c", "g"), find(plan.updates(), "g").path());
        assertEquals(List.of("m", "c", "g"), plan.changes().stream().map(OrgUnitState::code).toList());
    }

    @Test
    void countsUnchangedRowsAndEmptyParentMeansRoot() {
        store("r", null);
        OrgUnitImport.Plan plan = OrgUnitImport.plan(List.of(new OrgUnitImportRow("r", "r", "", " ")), stored);
        assertEquals(1, plan.unchanged());
        assertTrue(plan.changes().isEmpty());
    }

    @Test
    void rejectionCascadesThroughALongChainInReverseOrder() {
        List<OrgUnitImportRow> rows = new ArrayList<>();
        for (int i = 2000; i >= 1; i--) {
            rows.add(row("n" + i, "n" + (i - 1)));
        }
        // n0 is missing: every row is rejected, n1 as unknown parent, the rest as children of rejected rows
        OrgUnitImport.Plan plan = OrgUnitImport.plan(rows, stored);
        assertEquals(2000, plan.rejected());
        assertTrue(plan.errors().get(1999).message().contains("unknown parent n0"));
    }
}
