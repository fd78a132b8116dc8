package org.tehai.planning;

/** An interval in which service may start, in model seconds since the planning epoch, both ends included. */
public record TimeWindow(long start, long end) {

    public static final TimeWindow ANY_TIME = new TimeWindow(0, Long.MAX_VALUE / 4);

    public TimeWindow {
        if (end < start) {
            throw new IllegalArgumentException("The window end (%d) is before its start (%d).".formatted(end, start));
        }
    }
}
