package se.kasam.platform.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Protects a whole publication at once: which of its cells are shown, so that no protected cell, nor the hidden
 * remainder of any relation, can be worked out from all the shown figures together, nor narrowed to less than the
 * protection interval by the relations and the bounds every rate obeys (between none and all of the hours).
 *
 * <p>Primary suppression: a cell of at most {@code threshold} persons ({@link Reason#GROUP_TOO_SMALL}; those of at
 * least one person are protected), or one to which fewer than {@code minContributors} persons contribute, but some
 * ({@link Reason#SINGLE_PERSON}, protected too). Secondary suppression, as GaussSuppression does it: the other cells
 * are taken in the order given (put first what matters most), each shown only if the publication stays safe with
 * it, otherwise {@link Reason#COMPLEMENTARY}. Safe means, with exact linear algebra over all shown cells ({@link Span}):
 * <ul>
 *   <li>no protected cell is determined (its form in the span of the shown forms);</li>
 *   <li>in every relation whose total is determined, the hidden parts together (the remainder, whose value then
 *   follows) are not a group of 1 to {@code threshold} persons, nor one person's figure;</li>
 *   <li>every protected cell's value stays free over an interval at least the protection interval of its hours
 *   wide, given what each of its relations tells: as a part, at most the remainder and at least the remainder less
 *   the other hidden parts' hours; as a total, at least its determined parts and at most those plus its other
 *   parts' hours. So is every union of a relation's protected hidden parts that is a group of so few.</li>
 * </ul>
 * A cell that becomes determined by showing another is shown with it (it tells nothing new). Since showing only adds
 * to what is known, a cell refused stays unsafe to show: every complementary cell is needed.
 */
public final class Protection {
    private static final double EPS = 1e-9;
    private static final int SHORT_RELATION = 6;

    private final Publication publication;
    private final Microdata data;
    private final Policy policy;
    private final Reason[] reason;
    private final boolean[] known;
    private final boolean[] guarded;
    private final double[] weight;
    private final double[] value;
    private final int[][] asPart;
    private final int[][] asTotal;
    private final int[][] atoms;
    private final Span span;
    private final int[] inStep;
    private final boolean[] guardedAtom;
    private final boolean[] zeroAtom;
    private int step;
    private final double[] low;
    private final double[] high;
    private final boolean[] queued;
    private final double[] sumLow; // by relation: the sum of its parts' bounds
    private final double[] sumHigh;
    private final double[] widest; // by relation: at least its widest part's width
    private final boolean[] guardedRelation; // by relation: it has a protected part
    private int[] loggedCell = new int[64];
    private double[] loggedLow = new double[64];
    private double[] loggedHigh = new double[64];
    private int logged;
    private final Queue queue = new Queue();

    private Protection(Publication publication, Microdata data, Policy policy) {
        this.publication = publication;
        this.data = data;
        this.policy = policy;
        int n = publication.size();
        reason = new Reason[n];
        guarded = new boolean[n];
        weight = new double[n];
        value = new double[n];
        atoms = new int[n][];
        inStep = new int[n];
        double[] atomWeight = new double[data.atoms()];
        guardedAtom = new boolean[data.atoms()];
        zeroAtom = new boolean[data.atoms()];
        double[] atomValue = new double[data.atoms()];
        for (int a = 0; a < data.atoms(); a++) {
            for (int row = data.first(a); row < data.end(a); row++) {
                atomWeight[a] += data.weight(row);
                atomValue[a] += data.value(row);
            }
        }
        int coordinates = data.atoms();
        for (int i = 0; i < n; i++) {
            Cell cell = publication.cell(i);
            atoms[i] = cell.atoms();
            for (int a : cell.atoms()) {
                if (a < 0 || a >= data.atoms()) {
                    throw new IllegalArgumentException("a cell names atom " + a + ", not in 0.." + (data.atoms() - 1));
                }
                weight[i] += atomWeight[a];
                value[i] += atomValue[a];
            }
            Form form = publication.form(i);
            if (form != null && form.size() > 0) {
                coordinates = Math.max(coordinates, form.coordinates()[form.size() - 1] + 1);
            }
            reason[i] = primary(cell, policy);
            guarded[i] = reason[i] != null && cell.heads() > 0;
            if (guarded[i]) {
                for (int a : cell.atoms()) {
                    guardedAtom[a] = true;
                }
            }
            if (reason[i] == null && publication.withheld(i)) {
                reason[i] = Reason.COMPLEMENTARY;
            }
        }
        List<int[]> relations = publication.relations();
        queued = new boolean[relations.size()];
        low = new double[n];
        high = weight.clone();
        sumLow = new double[relations.size()];
        sumHigh = new double[relations.size()];
        widest = new double[relations.size()];
        guardedRelation = new boolean[relations.size()];
        for (int r = 0; r < relations.size(); r++) {
            int[] relation = relations.get(r);
            for (int k = 1; k < relation.length; k++) {
                sumHigh[r] += weight[relation[k]];
                widest[r] = Math.max(widest[r], weight[relation[k]]);
                guardedRelation[r] |= guarded[relation[k]];
            }
        }
        asPart = index(relations, n, false);
        asTotal = index(relations, n, true);
        Span.Vec[] forms = new Span.Vec[n];
        for (int i = 0; i < n; i++) {
            Form form = publication.form(i);
            forms[i] = Span.of(form != null ? form : Form.sum(Arrays.stream(atoms[i])
                    .filter(a -> data.end(a) > data.first(a)).toArray()));
        }
        // two protected parts of a short relation (months of a quarter, genders, age bands) that are a small group
        // together are watched as one: they must not become determined either
        List<Span.Vec> pairs = new ArrayList<>();
        for (int[] relation : relations) {
            if (relation.length - 1 > SHORT_RELATION) {
                continue;
            }
            for (int i = 1; i < relation.length; i++) {
                for (int j = i + 1; j < relation.length; j++) {
                    if (guarded[relation[i]] && guarded[relation[j]] && !largeEnough(List.of(relation[i], relation[j]))) {
                        pairs.add(Span.sum(forms[relation[i]], forms[relation[j]]));
                    }
                }
            }
        }
        known = new boolean[n + pairs.size()];
        span = new Span(coordinates, n + pairs.size());
        for (int i = 0; i < n; i++) {
            span.watch(i, forms[i]);
        }
        for (int k = 0; k < pairs.size(); k++) {
            span.watch(n + k, pairs.get(k));
        }
    }

    private static int[][] index(List<int[]> relations, int cells, boolean totals) {
        List<List<Integer>> of = new ArrayList<>(cells);
        for (int i = 0; i < cells; i++) {
            of.add(new ArrayList<>(2));
        }
        for (int r = 0; r < relations.size(); r++) {
            int[] relation = relations.get(r);
            if (totals) {
                of.get(relation[0]).add(r);
            } else {
                for (int k = 1; k < relation.length; k++) {
                    of.get(relation[k]).add(r);
                }
            }
        }
        return of.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    public static Pattern protect(Publication publication, Microdata data, Policy policy) {
        Protection protection = new Protection(publication, data, policy);
        for (int i = 0; i < publication.size(); i++) {
            if (protection.known[i]) {
                continue;
            }
            if (protection.reason[i] == null && !protection.tryShow(i, true)) {
                protection.reason[i] = Reason.COMPLEMENTARY;
            }
        }
        return new Pattern(protection);
    }

    /** The primary rule alone, for a figure outside the publication. */
    public static Reason primary(Cell cell, Policy policy) {
        if (cell.heads() <= policy.threshold()) {
            return Reason.GROUP_TOO_SMALL;
        }
        if (cell.contributors() > 0 && cell.contributors() < policy.minContributors()) {
            return Reason.SINGLE_PERSON;
        }
        return null;
    }

    Reason reason(int cell) {
        return reason[cell];
    }

    int size() {
        return reason.length;
    }

    /**
     * Shows the cell, with every cell it makes determined, if the publication stays safe; otherwise changes nothing.
     *
     * @param commit false to only ask
     */
    boolean tryShow(int cell, boolean commit) {
        if (known[cell]) {
            return true;
        }
        boolean nothing = value[cell] <= 0 && publication.cell(cell).heads() > 0;
        if (nothing && Arrays.stream(atoms[cell]).anyMatch(a -> guardedAtom[a])) {
            return false; // "no sick leave" would tell it of every protected group in it
        }
        Span.Step vectors = span.step();
        vectors.add(span.reduced(cell));
        if (nothing) {
            for (int a : atoms[cell]) {
                if (!zeroAtom[a] && data.end(a) > data.first(a)) {
                    vectors.add(Span.of(publication.atomForm(a)));
                }
            }
        }
        List<Integer> determined = vectors.isEmpty() ? new ArrayList<>() : vectors.determined(known);
        if (!determined.contains(cell)) {
            determined.add(cell);
        }
        step++;
        for (int d : determined) {
            if (d >= guarded.length || guarded[d]) {
                return false; // a protected cell or pair
            }
            inStep[d] = step;
        }
        if (!narrowsNothing(determined)) {
            undo();
            return false;
        }
        if (!commit) {
            undo();
        } else {
            logged = 0;
        }
        if (commit) {
            for (int d : determined) {
                known[d] = true;
                span.forget(d);
                if (d == cell || reason[d] == null) {
                    reason[d] = null;
                }
            }
            if (nothing) {
                for (int a : atoms[cell]) {
                    zeroAtom[a] = true;
                }
            }
            vectors.commit(known);
        }
        return true;
    }

    /**
     * Bounds propagation over every relation, from the cells that become known, until nothing tightens: whether every
     * protected cell keeps an interval at least the protection interval wide. The bounds changed are logged, to be
     * undone if the cell is not shown.
     */
    private boolean narrowsNothing(List<Integer> determined) {
        try {
            return propagate(determined);
        } finally {
            while (!queue.isEmpty()) {
                queued[queue.poll()] = false;
            }
        }
    }

    /** The relations to look at again, each once (a ring of ints: millions pass through it). */
    private static final class Queue {
        private int[] ring = new int[1024];
        private int head;
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void add(int r) {
            if (size == ring.length) {
                int[] grown = new int[ring.length * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = ring[(head + i) % ring.length];
                }
                ring = grown;
                head = 0;
            }
            ring[(head + size++) % ring.length] = r;
        }

        int poll() {
            int r = ring[head];
            head = (head + 1) % ring.length;
            size--;
            return r;
        }
    }

    private void enqueue(int[] relations) {
        for (int r : relations) {
            if (!queued[r]) {
                queued[r] = true;
                queue.add(r);
            }
        }
    }

    private boolean propagate(List<Integer> determined) {
        for (int d : determined) {
            if (!tighten(d, value[d], value[d])) {
                return false;
            }
            enqueue(asPart[d]);
            enqueue(asTotal[d]);
        }
        int work = 0;
        while (!queue.isEmpty()) {
            int r = queue.poll();
            queued[r] = false;
            int[] relation = publication.relations().get(r);
            int total = relation[0];
            if (!tighten(total, sumLow[r], sumHigh[r])) {
                return false;
            }
            // a part can only tighten where the total leaves less room than the part's own width
            double room = Math.min(high[total] - sumLow[r], sumHigh[r] - low[total]);
            if (room < widest[r]) {
                double widest = 0;
                for (int k = 1; k < relation.length; k++) {
                    int part = relation[k];
                    double othersLow = sumLow[r] - low[part];
                    double othersHigh = sumHigh[r] - high[part];
                    if (!tighten(part, low[total] - othersHigh, high[total] - othersLow)) {
                        return false;
                    }
                    widest = Math.max(widest, high[part] - low[part]);
                }
                this.widest[r] = widest;
            }
            if (guardedRelation[r] && !remainderSafe(relation)) {
                return false;
            }
            if (++work > 50 * publication.relations().size() + 1000) {
                break; // converging by ever smaller steps: what is tightened so far stands
            }
        }
        return true;
    }

    /** Narrows a cell's bounds; false when a protected cell gets too narrow. */
    private boolean tighten(int c, double lo, double hi) {
        // changes below a thousandth of the interval are not followed (they would only ever shrink)
        double slack = Math.max(1e-7, 1e-3 * policy.protectionInterval()) * Math.max(1, weight[c]);
        boolean up = lo > low[c] + slack;
        boolean down = hi < high[c] - slack;
        if (!up && !down) {
            return true;
        }
        log(c);
        setBounds(c, up ? Math.min(lo, high[c]) : low[c], down ? Math.max(hi, up ? Math.min(lo, high[c]) : low[c]) : high[c]);
        if (guarded[c] && high[c] - low[c] < policy.protectionInterval() * weight[c] - EPS * Math.max(1, weight[c])) {
            return false;
        }
        enqueue(asPart[c]);
        enqueue(asTotal[c]);
        return true;
    }

    /** Sets a cell's bounds, keeping the sums of the relations it is a part of. */
    private void setBounds(int c, double lo, double hi) {
        for (int r : asPart[c]) {
            sumLow[r] += lo - low[c];
            sumHigh[r] += hi - high[c];
            widest[r] = Math.max(widest[r], hi - lo); // an undo widens again
        }
        low[c] = lo;
        high[c] = hi;
    }

    private void log(int c) {
        if (logged == loggedCell.length) {
            loggedCell = Arrays.copyOf(loggedCell, logged * 2);
            loggedLow = Arrays.copyOf(loggedLow, logged * 2);
            loggedHigh = Arrays.copyOf(loggedHigh, logged * 2);
        }
        loggedCell[logged] = c;
        loggedLow[logged] = low[c];
        loggedHigh[logged++] = high[c];
    }

    private void undo() {
        for (int i = logged - 1; i >= 0; i--) {
            setBounds(loggedCell[i], loggedLow[i], loggedHigh[i]);
        }
        logged = 0;
    }

    private boolean isKnown(int cell) {
        return known[cell] || inStep[cell] == step;
    }

    /**
     * The parts of a relation not known, together, and the protected ones among them together: where they are a group
     * of 1 to threshold persons (or one person's figure), not determined and not narrowed below the interval.
     */
    private boolean remainderSafe(int[] relation) {
        // the common case first, without allocating: no protected part hidden, and a hidden part large on its own
        boolean large = false;
        int hiddenCount = 0;
        for (int k = 1; k < relation.length; k++) {
            int part = relation[k];
            if (!isKnown(part)) {
                if (guarded[part]) {
                    large = false;
                    hiddenCount = -1;
                    break;
                }
                hiddenCount++;
                Cell cell = publication.cell(part);
                large |= cell.heads() > policy.threshold() && cell.contributors() >= policy.minContributors();
            }
        }
        if (hiddenCount == 0 || large) {
            return true;
        }
        List<Integer> hidden = new ArrayList<>();
        List<Integer> protectedParts = new ArrayList<>();
        double fixed = 0;
        for (int k = 1; k < relation.length; k++) {
            int part = relation[k];
            if (isKnown(part)) {
                fixed += value[part];
            } else {
                hidden.add(part);
                if (guarded[part]) {
                    protectedParts.add(part);
                }
            }
        }
        if (hidden.size() < 2 && protectedParts.size() == hidden.size()) {
            return true; // one protected part: its own bounds are checked
        }
        double remLow = low[relation[0]] - fixed;
        double remHigh = high[relation[0]] - fixed;
        if (!groupSafe(hidden, List.of(), remLow, remHigh)) {
            return false;
        }
        if (protectedParts.size() > 1 && protectedParts.size() < hidden.size()) {
            List<Integer> others = hidden.stream().filter(c -> !guarded[c]).toList();
            if (!groupSafe(protectedParts, others, remLow, remHigh)) {
                return false;
            }
        }
        if (relation.length - 1 <= SHORT_RELATION && protectedParts.size() > 2) {
            for (int i = 0; i < protectedParts.size(); i++) {
                for (int j = i + 1; j < protectedParts.size(); j++) {
                    List<Integer> pair = List.of(protectedParts.get(i), protectedParts.get(j));
                    List<Integer> others = hidden.stream().filter(c -> !pair.contains(c)).toList();
                    if (!groupSafe(pair, others, remLow, remHigh)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether the cells together (beside the others, all of them making up a remainder so bounded) are safe. */
    private boolean groupSafe(List<Integer> cells, List<Integer> others, double remLow, double remHigh) {
        double lo = 0;
        double hi = 0;
        double w = 0;
        for (int c : cells) {
            lo += low[c];
            hi += high[c];
            w += weight[c];
        }
        double othersLow = 0;
        double othersHigh = 0;
        for (int c : others) {
            othersLow += low[c];
            othersHigh += high[c];
        }
        lo = Math.max(lo, remLow - othersHigh);
        hi = Math.min(hi, remHigh - othersLow);
        double width = hi - lo;
        if (width >= policy.protectionInterval() * w - EPS * Math.max(1, w) && width > 1e-7 * Math.max(1, w)) {
            return true;
        }
        return largeEnough(cells);
    }

    /** The cells together are no group of 1 to threshold persons, nor one person's figure. */
    private boolean largeEnough(List<Integer> cells) {
        int heads = 0;
        for (int c : cells) {
            Cell cell = publication.cell(c);
            if (cell.heads() > policy.threshold() && cell.contributors() >= policy.minContributors()) {
                return true;
            }
            heads += cell.heads();
        }
        if (heads == 0) {
            return true;
        }
        // a person in several of the cells counts once, so the sums only tell when they are small
        return heads > policy.threshold() && distinct(cells);
    }

    private boolean distinct(List<Integer> cells) {
        int rows = 0;
        for (int c : cells) {
            for (int a : atoms[c]) {
                rows += data.end(a) - data.first(a);
            }
        }
        long[] keyed = new long[rows];
        int n = 0;
        for (int c : cells) {
            for (int a : atoms[c]) {
                for (int row = data.first(a); row < data.end(a); row++) {
                    keyed[n++] = (long) data.person(row) << 1 | (data.value(row) > 0 ? 1 : 0);
                }
            }
        }
        Arrays.sort(keyed);
        int heads = 0;
        int contributors = 0;
        for (int i = 0; i < n; ) {
            long person = keyed[i] >> 1;
            boolean contributes = false;
            for (; i < n && keyed[i] >> 1 == person; i++) {
                contributes |= (keyed[i] & 1) != 0;
            }
            heads++;
            contributors += contributes ? 1 : 0;
        }
        return heads == 0 || heads > policy.threshold()
                && (contributors == 0 || contributors >= policy.minContributors());
    }
}
