package io.mubiao.targets.orgunit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.mubiao.problem.Problem;
import io.mubiao.targets.Codes;

/**
 * Plans an import of org-unit rows given in any order against the stored tree, in memory and without a
 * query per row: which rows are rejected and why, which units to insert and which to update (including
 * stored units the file does not mention whose path changes because an ancestor moved).
 * <p>
 * Rules: a row is rejected for a bad code, an empty name, a bad parent or kind code, a code that appears
 * with different parents in the file, an unknown parent, a parent whose own row was rejected, or a cycle
 * (every row on the cycle). A code repeated with the same parent is applied in file order. A rejected
 * row leaves the stored unit of that code as it was.
 */
final class OrgUnitImport {

    static final int MAX_NAME_LENGTH = 200;

    /**
     * @param inserts new units, parents before children
     * @param updates stored units whose state changes, parents before children
     * @param errors  one per rejected row, by index
     */
    record Plan(List<OrgUnitState> inserts, List<OrgUnitState> updates, int received, int created, int updated,
            int unchanged, List<Problem.FieldError> errors) {

        int rejected() {
            return errors.size();
        }

        /** Every unit whose state changes, parents before children, as consumers want to see them. */
        List<OrgUnitState> changes() {
            List<OrgUnitState> all = new ArrayList<>(inserts.size() + updates.size());
            all.addAll(inserts);
            all.addAll(updates);
            all.sort(TREE_ORDER);
            return all;
        }
    }

    private static final Comparator<OrgUnitState> TREE_ORDER = Comparator.comparingInt(OrgUnitState::level)
            .thenComparing(OrgUnitState::code);

    /** A row that passed the checks on its own. */
    private record Row(int index, String code, String name, String parent, String kind) {
    }

    private final List<OrgUnitImportRow> input;
    private final Map<String, OrgUnitState> stored;
    private final Problem.FieldError[] errors;
    /** Accepted codes and their rows in file order; a code leaves when its rows are rejected. */
    private final Map<String, List<Row>> accepted = new LinkedHashMap<>();
    /** Codes that appear in the file but whose rows were all rejected → index of the first such row. */
    private final Map<String, Integer> rejectedCodes = new HashMap<>();

    /** Rows already found broken when the file was read (a CSV record with too many fields): index → error. */
    private final Map<Integer, Problem.FieldError> readErrors;

    private OrgUnitImport(List<OrgUnitImportRow> input, Map<String, OrgUnitState> stored,
            Map<Integer, Problem.FieldError> readErrors) {
        this.input = input;
        this.stored = stored;
        this.readErrors = readErrors;
        this.errors = new Problem.FieldError[input.size()];
    }

    /**
     * @param stored the whole stored tree by code (a province or a country is tens of thousands of units,
     *               cheap to hold, and cycles and moves can involve any stored unit)
     */
    static Plan plan(List<OrgUnitImportRow> rows, Map<String, OrgUnitState> stored) {
        return plan(rows, stored, Map.of());
    }

    /** @param readErrors rows that could not be read, by index; their entry in {@code rows} is null */
    static Plan plan(List<OrgUnitImportRow> rows, Map<String, OrgUnitState> stored,
            Map<Integer, Problem.FieldError> readErrors) {
        return new OrgUnitImport(rows, stored, readErrors).plan();
    }

    private Plan plan() {
        checkRows();
        rejectConflictingParents();
        resolveAncestry();
        return buildPlan();
    }

    private void checkRows() {
        for (int i = 0; i < input.size(); i++) {
            OrgUnitImportRow row = input.get(i);
            if (row == null) {
                Problem.FieldError readError = readErrors.get(i);
                reject(i, readError == null ? null : readError.field(),
                        readError == null ? "the row is empty" : readError.message());
                continue;
            }
            String code = row.code();
            String name = row.name() == null ? "" : row.name().strip();
            String parent = blankToNull(row.parent());
            String kind = blankToNull(row.kind());
            if (code == null || code.isBlank()) {
                reject(i, "code", "code is required");
            } else if (!Codes.isValid(code)) {
                reject(i, "code", "code '" + code + "' " + Codes.MESSAGE);
            } else if (name.isEmpty()) {
                reject(i, "name", "name of " + code + " is empty");
            } else if (name.length() > MAX_NAME_LENGTH) {
                reject(i, "name", "name of " + code + " is longer than " + MAX_NAME_LENGTH + " characters");
            } else if (parent != null && !Codes.isValid(parent)) {
                reject(i, "parent", "parent '" + parent + "' of " + code + " is not a code: it " + Codes.MESSAGE);
            } else if (kind != null && !Codes.isValid(kind)) {
                reject(i, "kind", "kind '" + kind + "' of " + code + " " + Codes.MESSAGE);
            } else if (code.equals(parent)) {
                reject(i, "parent", code + " cannot be its own parent");
            } else {
                accepted.computeIfAbsent(code, c -> new ArrayList<>())
                        .add(new Row(i, code, name, parent, kind == null ? OrgUnitState.DEFAULT_KIND : kind));
                continue;
            }
            if (Codes.isValid(code)) {
                rejectedCodes.putIfAbsent(code, i);
            }
        }
        // A code with one good row and one bad row keeps the good one.
        accepted.keySet().forEach(rejectedCodes::remove);
    }

    /** The file cannot say where a unit goes if it names two different parents for it. */
    private void rejectConflictingParents() {
        for (String code : List.copyOf(accepted.keySet())) {
            List<Row> rows = accepted.get(code);
            if (rows.stream().map(Row::parent).distinct().count() > 1) {
                String indexes = rows.stream().map(row -> String.valueOf(row.index())).collect(Collectors.joining(", "));
                rejectCode(code, "code " + code + " appears with different parents in rows " + indexes);
            }
        }
    }

    /**
     * Walks up from every accepted unit through the tree as it would be after the import. Rejecting a
     * unit can reject others (its children) and puts a stored unit back under its stored parent, so the
     * walk repeats until a pass rejects nothing; in the usual case that is the first pass.
     */
    private void resolveAncestry() {
        boolean rejectedAny;
        do {
            rejectedAny = false;
            Set<String> resolved = new HashSet<>();
            for (String code : List.copyOf(accepted.keySet())) {
                if (accepted.containsKey(code) && !resolved.contains(code)) {
                    rejectedAny |= walkUp(code, resolved);
                }
            }
        } while (rejectedAny);
    }

    /** Returns true when it rejected something; adds the chain to {@code resolved} when it reached a root. */
    private boolean walkUp(String start, Set<String> resolved) {
        List<String> chain = new ArrayList<>();
        Set<String> onChain = new HashSet<>();
        String current = start;
        while (!resolved.contains(current)) {
            if (!onChain.add(current)) {
                List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(current), chain.size()));
                cycle.add(current);
                String description = String.join(" → ", cycle);
                for (String code : cycle) {
                    if (accepted.containsKey(code)) {
                        rejectCode(code, "cycle: " + description + " (each unit shown under its parent's code)");
                    }
                }
                return true;
            }
            chain.add(current);
            boolean inFile = accepted.containsKey(current);
            String parent = parentOf(current);
            if (parent == null) {
                break;
            }
            if (inFile && rejectedCodes.containsKey(parent)) {
                rejectCode(current, "parent " + parent + " of " + current + " was rejected (row "
                        + rejectedCodes.get(parent) + ")");
                return true;
            }
            if (!accepted.containsKey(parent) && !stored.containsKey(parent)) {
                // Stored units always have stored parents, so only a row of the file gets here.
                rejectCode(current, "unknown parent " + parent + " of " + current
                        + ": it is neither stored nor in the file");
                return true;
            }
            current = parent;
        }
        resolved.addAll(chain);
        return false;
    }

    private Plan buildPlan() {
        Map<String, List<String>> paths = new HashMap<>();
        List<OrgUnitState> inserts = new ArrayList<>();
        List<OrgUnitState> updates = new ArrayList<>();
        Set<String> candidates = new HashSet<>(stored.keySet());
        candidates.addAll(accepted.keySet());
        for (String code : candidates) {
            List<String> path = pathOf(code, paths);
            OrgUnitState before = stored.get(code);
            OrgUnitState after;
            if (accepted.containsKey(code)) {
                Row last = last(accepted.get(code));
                after = new OrgUnitState(code, last.name(), last.parent(), last.kind(), path.size(), path);
            } else {
                after = new OrgUnitState(code, before.name(), before.parent(), before.kind(), path.size(), path);
            }
            if (before == null) {
                inserts.add(after);
            } else if (!before.equals(after)) {
                updates.add(after);
            }
        }
        inserts.sort(TREE_ORDER);
        updates.sort(TREE_ORDER);

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (List<Row> rows : accepted.values()) {
            Row first = rows.get(0);
            OrgUnitState before = stored.get(first.code());
            List<String> path = paths.get(first.code());
            if (before == null) {
                created++;
            } else if (before.equals(new OrgUnitState(first.code(), first.name(), first.parent(), first.kind(),
                    path.size(), path))) {
                unchanged++;
            } else {
                updated++;
            }
            // Later rows for the same code (same parent) apply on top of the row before them.
            for (int i = 1; i < rows.size(); i++) {
                Row previous = rows.get(i - 1);
                Row row = rows.get(i);
                if (previous.name().equals(row.name()) && previous.kind().equals(row.kind())) {
                    unchanged++;
                } else {
                    updated++;
                }
            }
        }
        List<Problem.FieldError> rowErrors = new ArrayList<>();
        for (Problem.FieldError error : errors) {
            if (error != null) {
                rowErrors.add(error);
            }
        }
        return new Plan(inserts, updates, input.size(), created, updated, unchanged, rowErrors);
    }

    /** The path after the import; iterative because a chain may be deep. */
    private List<String> pathOf(String code, Map<String, List<String>> paths) {
        List<String> pending = new ArrayList<>();
        String current = code;
        List<String> prefix = List.of();
        while (current != null) {
            List<String> known = paths.get(current);
            if (known != null) {
                prefix = known;
                break;
            }
            pending.add(current);
            current = parentOf(current);
        }
        for (int i = pending.size() - 1; i >= 0; i--) {
            List<String> path = new ArrayList<>(prefix.size() + 1);
            path.addAll(prefix);
            path.add(pending.get(i));
            prefix = List.copyOf(path);
            paths.put(pending.get(i), prefix);
        }
        return paths.get(code);
    }

    /** The parent after the import: the file's for an accepted code, else the stored one. */
    private String parentOf(String code) {
        List<Row> rows = accepted.get(code);
        if (rows != null) {
            return rows.get(0).parent();
        }
        OrgUnitState state = stored.get(code);
        return state == null ? null : state.parent();
    }

    private void rejectCode(String code, String message) {
        List<Row> rows = accepted.remove(code);
        for (Row row : rows) {
            reject(row.index(), "parent", message);
        }
        rejectedCodes.merge(code, rows.get(0).index(), Math::min);
    }

    private void reject(int index, String field, String message) {
        errors[index] = new Problem.FieldError(index, null, field, message);
    }

    private static Row last(List<Row> rows) {
        return rows.get(rows.size() - 1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
