package se.kasam.platform.disclosure;

import java.util.Arrays;

/** Weight and value per person, summed over some atoms: an open-addressing map from person id, without boxing. */
final class PersonTotals {
    private static final int FREE = Integer.MIN_VALUE;

    private int[] keys;
    private double[] weight;
    private double[] value;
    private double[] guarded;
    private int size;

    PersonTotals(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        Arrays.fill(keys, FREE);
        weight = new double[capacity];
        value = new double[capacity];
        guarded = new double[capacity];
    }

    /** @param g the part of w in atoms of protected groups */
    void add(int person, double w, double v, double g) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(person);
        if (keys[slot] == FREE) {
            keys[slot] = person;
            size++;
        }
        weight[slot] += w;
        value[slot] += v;
        guarded[slot] += g;
    }

    /** The slot holding person, or -1. */
    int find(int person) {
        int slot = slot(person);
        return keys[slot] == FREE ? -1 : slot;
    }

    int capacity() {
        return keys.length;
    }

    boolean used(int slot) {
        return keys[slot] != FREE;
    }

    int person(int slot) {
        return keys[slot];
    }

    double weight(int slot) {
        return weight[slot];
    }

    double value(int slot) {
        return value[slot];
    }

    double guarded(int slot) {
        return guarded[slot];
    }

    void subtract(int slot, double w, double v, double g) {
        weight[slot] -= w;
        value[slot] -= v;
        guarded[slot] -= g;
    }

    private int slot(int person) {
        int mask = keys.length - 1;
        int slot = mix(person) & mask;
        while (keys[slot] != FREE && keys[slot] != person) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void grow() {
        int[] oldKeys = keys;
        double[] oldWeight = weight;
        double[] oldValue = value;
        double[] oldGuarded = guarded;
        keys = new int[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        weight = new double[keys.length];
        value = new double[keys.length];
        guarded = new double[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                weight[slot] = oldWeight[i];
                value[slot] = oldValue[i];
                guarded[slot] = oldGuarded[i];
                size++;
            }
        }
    }
}
