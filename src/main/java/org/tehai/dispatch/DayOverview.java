package org.tehai.dispatch;

import java.time.LocalDate;

/** One local work date of a region: how much work there is and how far planning has got. */
public record DayOverview(LocalDate date, long techniciansOnShift, long open, long planned, long dispatched,
        long finished) {
}
