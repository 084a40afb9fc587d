package se.kasam.platform.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What is to be protected: the cells in the order they should be shown if not all can be (what matters most
 * first), each with its form, the relations between them (a total is the sum of its parts: a unit of its own staff
 * and its child units, a quarter of its months, everyone of women and men), and the cells not to show whatever the
 * rules say.
 */
public final class Publication {
    private final List<Cell> cells;
    private final List<Form> forms;
    private final List<int[]> relations;
    private final boolean[] withheld;
    private final java.util.function.IntFunction<Form> atomForm;

    private Publication(Builder b) {
        this.atomForm = b.atomForm;
        this.cells = List.copyOf(b.cells);
        this.forms = new ArrayList<>(b.forms); // null: the sum of the atoms
        this.relations = List.copyOf(b.relations);
        this.withheld = Arrays.copyOf(b.withheld, b.cells.size());
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return cells.size();
    }

    public Cell cell(int i) {
        return cells.get(i);
    }

    Form form(int i) {
        return forms.get(i);
    }

    /** Each relation as its total followed by its parts. */
    List<int[]> relations() {
        return relations;
    }

    boolean withheld(int i) {
        return withheld[i];
    }

    /** An atom's form over the cells' coordinates: itself where the cells' forms are sums of atoms. */
    Form atomForm(int atom) {
        return atomForm != null ? atomForm.apply(atom) : new Form(new int[]{atom}, new long[]{1});
    }

    public static final class Builder {
        private final List<Cell> cells = new ArrayList<>();
        private final List<Form> forms = new ArrayList<>();
        private final List<int[]> relations = new ArrayList<>();
        private boolean[] withheld = new boolean[16];
        private java.util.function.IntFunction<Form> atomForm;

        private Builder() {
        }

        /** A cell whose form is the sum of its atoms; returns its index. */
        public int cell(Cell cell) {
            return cell(cell, null);
        }

        /** @param form its form over the caller's coordinates, or null for the sum of its atoms that have rows */
        public int cell(Cell cell, Form form) {
            cells.add(cell);
            forms.add(form);
            if (cells.size() > withheld.length) {
                withheld = Arrays.copyOf(withheld, withheld.length * 2);
            }
            return cells.size() - 1;
        }

        /** The total is the sum of the parts (their atoms partition the total's). */
        public Builder relation(int total, int... parts) {
            int[] relation = new int[parts.length + 1];
            relation[0] = total;
            System.arraycopy(parts, 0, relation, 1, parts.length);
            for (int c : relation) {
                if (c < 0 || c >= cells.size()) {
                    throw new IllegalArgumentException("a relation names cell " + c + ", not added");
                }
            }
            relations.add(relation);
            return this;
        }

        /** Not to be shown, say because a figure it goes with is hidden: complementary unless primary. */
        public Builder withhold(int cell) {
            withheld[cell] = true;
            return this;
        }

        /**
         * Where the cells have forms of their own: each atom's form over the same coordinates (a shown figure of
         * nothing tells that each of its atoms is nothing).
         */
        public Builder atomForms(java.util.function.IntFunction<Form> forms) {
            this.atomForm = forms;
            return this;
        }

        public Publication build() {
            return new Publication(this);
        }
    }
}
