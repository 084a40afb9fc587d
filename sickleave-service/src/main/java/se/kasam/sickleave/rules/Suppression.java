package se.kasam.sickleave.rules;

import java.util.ArrayList;
import java.util.Arrays;
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
 * staff + each child subtree. Whoever sees the shown cells can solve these equations for a hidden one, and knows
 * that no value is negative: a shown total of 0 tells that each of its parts is 0. So more cells are hidden
 * ({@link Reason#COMPLEMENTARY}) until no hidden value is uniquely determined by the shown values, the relations
 * and non-negativity ({@link #determined}, exact). A hidden value may still be narrowed to a range; that is
 * allowed. An empty group (head count 0) is hidden too, but its value counts as known, 0, since an organisation
 * chart tells that the group is empty: it protects no other cell.
 *
 * <p>The cells to hide are chosen greedily and deterministically, one at a time, among the shown cells of the
 * relations at issue: those with a single unknown cell, which they give away; if there are none, the relations
 * around a cell that only a combination of relations or non-negativity gives away, the nearest that have a shown
 * cell. The best is the cell in most of these relations, then the smallest group, a part before a total, then by
 * id. Each step hides one more cell, so this ends, at worst with everything hidden. Afterwards each complementary
 * cell, latest first, is shown again if the others still protect everything.
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
     * known, and no value is negative. Exact, in integer arithmetic.
     * <ul>
     * <li>By linear algebra: with the known values substituted, the relations restricted to the unknown cells form
     *     a linear system M·x = b, and cell i is determined iff the unit vector e_i lies in the row space of M.
     *     This depends on M alone, not on the values.</li>
     * <li>By non-negativity: a cell of value 0 is given away iff no change d of the unknown values keeps the
     *     relations (M·d = 0), leaves every other zero cell non-negative and makes this one positive (the positive
     *     cells have room to move a little either way). A shown total of 0 over hidden parts is the simplest case.
     *     </li>
     * </ul>
     *
     * @param unknown the cells whose values are not known: the hidden ones, less empty groups
     * @param zeros   those of them whose value is 0 (no contributors); empty for linear algebra alone
     * @throws ArithmeticException if an intermediate integer would overflow a {@code long}, rather than answer
     *                             wrongly
     */
    public static Set<String> determined(Set<String> unknown, Set<String> zeros, List<Relation> relations) {
        List<String> columns = Stream.concat(unknown.stream().filter(id -> !zeros.contains(id)).sorted(),
                unknown.stream().filter(zeros::contains).sorted()).toList();
        int positives = (int) unknown.stream().filter(id -> !zeros.contains(id)).count();
        List<long[]> reduced = Echelon.reduce(rows(columns, relations), columns.size());
        // In reduced echelon form a combination of rows has, in each row's leading column, that row's coefficient
        // times its leading entry. So e_i is one only if it is a multiple of the row leading at i, and that row
        // then has no other non-zero entry.
        Set<String> determined = new TreeSet<>();
        for (long[] row : reduced) {
            int[] nonZero = IntStream.range(0, row.length).filter(k -> row[k] != 0).toArray();
            if (nonZero.length == 1) {
                determined.add(columns.get(nonZero[0]));
            }
        }
        // With the positive cells' columns first, the reduced rows that involve zero cells only are the equations
        // that the zero cells' part of a change d must satisfy, and all they must satisfy.
        List<long[]> zeroRows = reduced.stream()
                .filter(row -> IntStream.range(0, positives).allMatch(k -> row[k] == 0))
                .map(row -> Arrays.copyOfRange(row, positives, row.length)).toList();
        boolean[] canBePositive = Cone.positive(zeroRows, columns.size() - positives);
        IntStream.range(positives, columns.size()).filter(k -> !canBePositive[k - positives])
                .forEach(k -> determined.add(columns.get(k)));
        return determined;
    }

    /** The relations as rows of M: total − parts, over the given cells only. */
    private static List<long[]> rows(List<String> columns, List<Relation> relations) {
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
        return rows;
    }

    /** The primary rule alone, for a figure outside the relations (the long-term share, beside its total). */
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
        // one that only a combination of relations, or non-negativity, gives away
        Set<String> zeros = unknown.stream().filter(id -> cells.get(id).contributors() == 0)
                .collect(Collectors.toSet());
        for (String cell : determined(unknown, zeros, relations)) {
            Optional<String> near = nearest(cell, cells, relations, hidden);
            if (near.isPresent()) {
                return near;
            }
        }
        return Optional.empty();
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
