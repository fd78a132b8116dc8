package org.tehai.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;
import org.tehai.technician.Shift;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

/** Which days of a region have work: the dispatcher's (and the demo's) way in. */
@ApplicationScoped
public class DispatchDays {

    static final int MAX_DAYS = 62;

    public List<DayOverview> overview(Region region, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "The period ends (" + to + ") before it starts (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiProblem.invalid("to", "At most " + MAX_DAYS + " days at a time.");
        }
        ZoneId zone = region.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            counts.put(day, new long[5]);
        }
        for (Shift shift : Shift.<Shift>list("technician.region = ?1 and technician.active = true and workDate >= ?2 "
                + "and workDate <= ?3", region, from, to)) {
            counts.get(shift.workDate)[0]++;
        }
        List<Visit> visits = Visit.list("from Visit v where v.region = ?1 and v.status <> ?2 and ((v.plannedStart >= ?3 "
                + "and v.plannedStart < ?4) or exists (select 1 from Visit w join w.availability a where w = v "
                + "and a.startsAt < ?4 and a.endsAt > ?3))", region, VisitStatus.CANCELLED, start, end);
        for (Visit visit : visits) {
            for (LocalDate day : daysOf(visit, zone, from, to)) {
                long[] day0 = counts.get(day);
                switch (visit.status) {
                    case UNPLANNED -> day0[1]++;
                    case PLANNED -> day0[2]++;
                    case DISPATCHED, EN_ROUTE, ON_SITE -> day0[3]++;
                    case DONE, INCOMPLETE -> day0[4]++;
                    default -> {
                    }
                }
            }
        }
        List<DayOverview> days = new ArrayList<>();
        counts.forEach((day, c) -> days.add(new DayOverview(day, c[0], c[1], c[2], c[3], c[4])));
        return days;
    }

    /** The planned day of a planned visit; for an open one, every day one of its windows touches. */
    private static List<LocalDate> daysOf(Visit visit, ZoneId zone, LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        if (visit.plannedStart != null) {
            LocalDate day = visit.plannedStart.atZone(zone).toLocalDate();
            if (!day.isBefore(from) && !day.isAfter(to)) {
                days.add(day);
            }
            return days;
        }
        for (var window : visit.availability) {
            LocalDate first = window.startsAt.atZone(zone).toLocalDate();
            LocalDate last = window.endsAt.minusNanos(1).atZone(zone).toLocalDate();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (!day.isBefore(from) && !day.isAfter(to) && !days.contains(day)) {
                    days.add(day);
                }
            }
        }
        return days;
    }
}
