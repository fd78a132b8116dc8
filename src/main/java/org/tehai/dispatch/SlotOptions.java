package org.tehai.dispatch;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The best windows the desk can offer for a visit, best first, with what was searched on each day; {@code
 * explanation} says why there are none.
 */
public record SlotOptions(long visitId, String reference, LocalDate from, int days, int count, boolean anyTime,
        List<DaySearched> searched, List<SlotOption> options, String explanation) {

    public record TechnicianRef(long id, String code, String firstName) {
    }

    public record ScoreImpact(String score, long hard, long medium, long soft) {
    }

    /**
     * One window the desk can offer. {@code booking} is the body to send to book it (or send {@code optionId}).
     * {@code visitsBefore} counts the customer visits before this one on the technician's route that day.
     */
    public record SlotOption(int rank, String optionId, LocalDate date, TechnicianRef technician, int visitsBefore,
            OffsetDateTime plannedArrival, OffsetDateTime plannedStart, SlotBooking.WindowView window,
            long windowMinutes, ScoreImpact scoreImpact, SlotBooking.BookingRequest booking) {
    }

    /**
     * What was searched on one day: the plan inserted into ({@code proposal 3}, {@code published 2} or
     * {@code empty routes}), the technicians on shift, the times the visit was offered in ({@code availability}: the
     * customer's windows on that day; {@code shift day}: from the first shift start to the last shift end;
     * {@code pinned start}), the trial-insertion passes made and how many feasible placements the day gave.
     */
    public record DaySearched(LocalDate date, String plan, int technicians, String offeredWithin, int passes,
            int placements) {
    }
}
