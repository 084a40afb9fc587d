package se.kasam.sickleave.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which sick-leave figures of a response may not be shown. Lag (2018:597) om kommunal bokföring och redovisning:
 * no sick-leave figure is given for a group of at most ten employees, nor one that can be traced to an individual.
 *
 * <p><b>Primary suppression.</b> A cell is hidden when its group has {@code threshold} (default 10) or fewer
 * employees ({@link Reason#GROUP_TOO_SMALL}), or when exactly one person contributes to its numerator, e.g. only
 * one employee of the group had sick hours ({@link Reason#SINGLE_PERSON}).
 *
 * <p><b>Complementary suppression.</b> The quantities behind the figures (sick hours, ordinary hours) add up
 * along the response's {@link Relation}s: all = women + men, all = the three age bands, a unit's subtree = its own
 * staff + each child subtree. Whoever sees the shown cells can solve these equations for a hidden one, so more
 * cells are hidden ({@link Reason#COMPLEMENTARY}) until
 * <ul>
 * <li>no hidden value is uniquely determined by the shown values and the relations ({@link #determined}, exact),
 *     and</li>
 * <li>no relation has a shown total whose hidden parts are all 0 (no contributors): the total less its shown
 *     parts would be 0, and as hours are never negative, each of those parts would be seen to be 0. This use of
 *     non-negativity is checked within one relation; bounds it gives across several relations are not.</li>
 * </ul>
 * An empty group (head count 0) is hidden as well, but its value counts as known, 0, since an organisation chart
 * tells that the group is empty: it protects no other cell.
 *
 * <p>The cells to hide are chosen greedily and deterministically, one at a time, among the shown cells of the
 * relations at issue: those whose only unknown cell they give away; if there are none, those around a cell that
 * only a combination of relations gives away; if none, those with a zero total, where a non-zero part or the total
 * will do. The best is the cell in most of these relations, then the smallest group, a part before a total, then
 * by id. Each step hides one more cell, so this ends, at worst with everything hidden. Afterwards each
 * complementary cell, latest first, is shown again if the others still protect everything.
 */
public final class Suppression {
    public static final int DEFAULT_THRESHOLD = 10;

    public enum Reason { GROUP_TOO_SMALL, SINGLE_PERSON, COMPLEMENTARY }

    /** One figure of a response: its group's head count and how many persons contribute to its numerator. */
    public record Cell(String id, long headCount, long contributors) {
        public Cell {
            Objects.requireNonNull(id, "id");
            if (headCount < 0 || contributors < 0 || contributors > headCount) {
                throw new IllegalArgumentException("cell " + id + ": needs 0 <= contributors <= head count");
            }
        }
    }

    /** {@code total = parts[0] + parts[1] + ...}, for each additive quantity behind the figures. */
    public record Relation(String total, List<String> parts) {
        public Relation {
            Objects.requireNonNull(total, "total");
            parts = List.copyOf(parts);
            if (parts.isEmpty() || parts.contains(total) || new HashSet<>(parts).size() < parts.size()) {
                throw new IllegalArgumentException("relation " + total + ": needs distinct parts other than the total");
            }
        }

        public static Relation of(String total, String... parts) {
            return new Relation(total, List.of(parts));
        }

        Stream<String> cells() {
            return Stream.concat(Stream.of(total), parts.stream());
        }
    }

    /** A shown cell that could be hidden next: in how many of the relations at issue it is, and if a total in any. */
    private record Choice(Cell cell, int relations, boolean total) {
        static final Comparator<Choice> BEST = Comparator.comparingInt((Choice c) -> -c.relations())
                .thenComparingLong(c -> c.cell().headCount()).thenComparing(Choice::total)
                .thenComparing(c -> c.cell().id());

        Choice and(Choice other) {
            return new Choice(cell, relations + other.relations, total || other.total);
        }
    }

    private final int threshold;

    public Suppression() {
        this(DEFAULT_THRESHOLD);
    }

    /** @param threshold groups of this many employees or fewer are hidden; at least 1 */
    public Suppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * The hidden cells with the reason for each, by id; cells not in the map are shown. The same cells and
     * relations give the same result, in whatever order they come.
     *
     * @throws IllegalArgumentException for two cells with one id, or a relation naming a cell not in {@code cells}
     */
    public Map<String, Reason> apply(List<Cell> cells, List<Relation> relations) {
        Map<String, Cell> byId = new HashMap<>();
        for (Cell cell : cells) {
            if (byId.putIfAbsent(cell.id(), cell) != null) {
                throw new IllegalArgumentException("two cells with id " + cell.id());
            }
        }
        for (Relation relation : relations) {
            relation.cells().filter(id -> !byId.containsKey(id)).findFirst().ifPresent(id -> {
                throw new IllegalArgumentException("relation " + relation.total() + " names an unknown cell " + id);
            });
        }
        Map<String, Reason> hidden = new TreeMap<>();
        for (Cell cell : cells) {
            primary(cell).ifPresent(reason -> hidden.put(cell.id(), reason));
        }
        List<String> added = new ArrayList<>();
        for (Optional<String> next = nextToHide(byId, relations, hidden.keySet()); next.isPresent();
             next = nextToHide(byId, relations, hidden.keySet())) {
            hidden.put(next.get(), Reason.COMPLEMENTARY);
            added.add(next.get());
        }
        // a cell hidden early may have become unnecessary through the ones hidden after it
        for (String id : added.reversed()) {
            hidden.remove(id);
            if (nextToHide(byId, relations, hidden.keySet()).isPresent()) {
                hidden.put(id, Reason.COMPLEMENTARY);
            }
        }
        return Collections.unmodifiableMap(hidden);
    }

    /**
     * Which of the unknown cells can be worked out exactly from the relations when every other cell's value is
     * known. With the known values substituted, the relations restricted to the unknown cells form a linear system
     * M·x = b; cell i is determined iff the unit vector e_i lies in the row space of M. Computed exactly, in
     * integers; the answer depends on M alone, not on the values.
     *
     * @param unknown the cells whose values are not known: the hidden ones, less empty groups
     */
    public static Set<String> determined(Set<String> unknown, List<Relation> relations) {
        List<String> columns = List.copyOf(new TreeSet<>(unknown));
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            column.put(columns.get(i), i);
        }
        List<long[]> rows = new ArrayList<>();
        for (Relation relation : relations) {
            long[] row = new long[columns.size()];
            relation.cells().filter(column::containsKey)
                    .forEach(id -> row[column.get(id)] = id.equals(relation.total()) ? 1 : -1);
            rows.add(row);
        }
        // In reduced echelon form a combination of rows has, in each row's leading column, that row's coefficient
        // times its leading entry. So e_i is one only if it is a multiple of the row leading at i, and that row
        // then has no other non-zero entry.
        Set<String> determined = new TreeSet<>();
        for (long[] row : Echelon.reduce(rows, columns.size())) {
            int[] nonZero = IntStream.range(0, row.length).filter(k -> row[k] != 0).toArray();
            if (nonZero.length == 1) {
                determined.add(columns.get(nonZero[0]));
            }
        }
        return determined;
    }

    public Optional<Reason> primary(Cell cell) {
        if (cell.headCount() <= threshold) {
            return Optional.of(Reason.GROUP_TOO_SMALL);
        }
        if (cell.contributors() == 1) {
            return Optional.of(Reason.SINGLE_PERSON);
        }
        return Optional.empty();
    }

    /** The next cell to hide so that no hidden value can be worked out; empty when nothing more is needed. */
    private static Optional<String> nextToHide(Map<String, Cell> cells, List<Relation> relations, Set<String> hidden) {
        Set<String> unknown = hidden.stream().filter(id -> cells.get(id).headCount() > 0).collect(Collectors.toSet());
        // a relation with a single unknown cell gives that cell away by itself
        Optional<String> direct = best(relations.stream()
                .filter(r -> r.cells().filter(unknown::contains).count() == 1)
                .flatMap(r -> shown(r, cells, hidden)));
        if (direct.isPresent()) {
            return direct;
        }
        // one that only a combination of relations gives away
        for (String cell : determined(unknown, relations)) {
            Optional<String> near = nearest(cell, cells, relations, hidden);
            if (near.isPresent()) System.err.println("NEAREST-USED");
            if (near.isPresent()) {
                return near;
            }
        }
        // a shown total less its shown parts is 0: then each unknown part is 0, since hours are never negative
        return best(relations.stream()
                .filter(r -> !hidden.contains(r.total()))
                .filter(r -> r.parts().stream().anyMatch(unknown::contains)
                        && r.parts().stream().filter(unknown::contains).allMatch(id -> cells.get(id).contributors() == 0))
                .flatMap(r -> shown(r, cells, hidden).filter(c -> c.total() || c.cell().contributors() > 0)));
    }

    /** The best shown cell of the relations around a cell, widening the circle until one has a shown cell. */
    private static Optional<String> nearest(String cell, Map<String, Cell> cells, List<Relation> relations,
                                            Set<String> hidden) {
        Set<String> reached = new HashSet<>(Set.of(cell));
        List<Relation> left = new ArrayList<>(relations);
        while (true) {
            List<Relation> near = left.stream().filter(r -> r.cells().anyMatch(reached::contains)).toList();
            if (near.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> choice = best(near.stream().flatMap(r -> shown(r, cells, hidden)));
            if (choice.isPresent()) {
                return choice;
            }
            left.removeAll(near);
            near.forEach(r -> r.cells().forEach(reached::add));
        }
    }

    private static Stream<Choice> shown(Relation relation, Map<String, Cell> cells, Set<String> hidden) {
        return relation.cells().filter(id -> !hidden.contains(id))
                .map(id -> new Choice(cells.get(id), 1, id.equals(relation.total())));
    }

    /** The shown cell in most of the relations at issue, then the smallest group, a part before a total, by id. */
    private static Optional<String> best(Stream<Choice> choices) {
        return choices.collect(Collectors.toMap(c -> c.cell().id(), c -> c, Choice::and)).values().stream()
                .min(Choice.BEST).map(c -> c.cell().id());
    }
}
