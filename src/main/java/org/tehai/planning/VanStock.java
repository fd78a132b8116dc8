package org.tehai.planning;

import java.util.Arrays;

/**
 * Parts still in the van after a visit, and how many units the visit lacked. After a depot stop the van
 * counts as restocked: every part and tool is available for the rest of the route.
 * Immutable; equality by content lets the solver stop propagating when nothing changed downstream.
 */
public final class VanStock {

    static final VanStock RESTOCKED = new VanStock(null, 0);

    private final int[] remaining;
    private final int shortage;

    private VanStock(int[] remaining, int shortage) {
        this.remaining = remaining;
        this.shortage = shortage;
    }

    static VanStock loaded(int[] quantities) {
        return new VanStock(quantities.clone(), 0);
    }

    /** The stock after serving {@code visit} from this stock. */
    VanStock after(PlannedVisit visit) {
        if (remaining == null || visit.getKind() == VisitKind.DEPOT_STOP) {
            return RESTOCKED;
        }
        int[] needs = visit.getPartQuantities();
        boolean needsNothing = true;
        for (int need : needs) {
            if (need != 0) {
                needsNothing = false;
                break;
            }
        }
        if (needsNothing) {
            return shortage == 0 ? this : new VanStock(remaining, 0);
        }
        int[] left = remaining.clone();
        int missing = 0;
        for (int part = 0; part < needs.length; part++) {
            int available = part < left.length ? left[part] : 0;
            if (needs[part] > available) {
                missing += needs[part] - available;
                available = 0;
            } else {
                available -= needs[part];
            }
            if (part < left.length) {
                left[part] = available;
            }
        }
        return new VanStock(left, missing);
    }

    /** True when a depot stop came at or before this point of the route. */
    public boolean isRestocked() {
        return remaining == null;
    }

    /** Units of parts the visit needed but the van no longer had. */
    public int getShortage() {
        return shortage;
    }

    public int remainingOf(int partIndex) {
        return remaining == null ? Integer.MAX_VALUE : remaining[partIndex];
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof VanStock other && shortage == other.shortage
                && Arrays.equals(remaining, other.remaining));
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(remaining) + shortage;
    }

    @Override
    public String toString() {
        return remaining == null ? "restocked" : Arrays.toString(remaining) + (shortage > 0 ? " short " + shortage : "");
    }
}
