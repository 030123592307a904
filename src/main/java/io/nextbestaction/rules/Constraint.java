package io.nextbestaction.rules;

import java.util.HashSet;
import java.util.Set;

/**
 * What one decision-table row requires of one expression: an interval (bounds inclusive or not), a set of values
 * (null: any value), or an exact piece of code that is compared as text.
 */
record Constraint(double lo, boolean loIn, double hi, boolean hiIn, Set<String> values, String code) {

    static Constraint atLeast(double v, boolean inclusive) {
        return new Constraint(v, inclusive, Double.POSITIVE_INFINITY, true, null, null);
    }

    static Constraint atMost(double v, boolean inclusive) {
        return new Constraint(Double.NEGATIVE_INFINITY, true, v, inclusive, null, null);
    }

    static Constraint exactly(double v) {
        return new Constraint(v, true, v, true, null, null);
    }

    static Constraint oneOf(Set<String> values) {
        return new Constraint(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, values, null);
    }

    static Constraint code(String code) {
        return new Constraint(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true, null, code);
    }

    /** Both constraints at once. */
    Constraint and(Constraint o) {
        double l = Math.max(lo, o.lo);
        boolean li = lo == o.lo ? loIn && o.loIn : (lo > o.lo ? loIn : o.loIn);
        double h = Math.min(hi, o.hi);
        boolean hi2 = hi == o.hi ? hiIn && o.hiIn : (hi < o.hi ? hiIn : o.hiIn);
        Set<String> v = values == null ? o.values : o.values == null ? values : intersect(values, o.values);
        return new Constraint(l, li, h, hi2, v, code != null ? code : o.code);
    }

    /** Every value allowed here is allowed by {@code wider}; code is only within the same code. */
    boolean within(Constraint wider) {
        if (wider.code != null) {
            return wider.code.equals(code);
        }
        boolean lower = lo > wider.lo || (lo == wider.lo && (wider.loIn || !loIn));
        boolean upper = hi < wider.hi || (hi == wider.hi && (wider.hiIn || !hiIn));
        boolean set = wider.values == null || (values != null && wider.values.containsAll(values));
        return lower && upper && set;
    }

    /** No value is allowed by both. */
    boolean disjoint(Constraint o) {
        if (values != null && o.values != null && intersect(values, o.values).isEmpty()) {
            return true;
        }
        double l = Math.max(lo, o.lo);
        double h = Math.min(hi, o.hi);
        if (l > h) {
            return true;
        }
        return l == h && !((lo < l || loIn) && (o.lo < l || o.loIn) && (hi > h || hiIn) && (o.hi > h || o.hiIn));
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> r = new HashSet<>(a);
        r.retainAll(b);
        return r;
    }
}
