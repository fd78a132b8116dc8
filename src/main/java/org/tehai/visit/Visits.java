package org.tehai.visit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tehai.technician.Technician;
import org.tehai.ticket.Ticket;

import io.quarkus.panache.common.Sort;

/** The visits other packages ask for by more than an id: a technician's route, a ticket's open visits. */
public final class Visits {

    private Visits() {
    }

    /** The job type of each of the visits (one query); visits without a type are left out. */
    public static Map<Long, String> jobTypes(Collection<Long> ids) {
        Map<Long, String> types = new HashMap<>();
        if (!ids.isEmpty()) {
            Visit.getEntityManager().createQuery("select v.id, v.jobType from Visit v where v.id in ?1 "
                    + "and v.jobType is not null", Object[].class).setParameter(1, ids).getResultList()
                    .forEach(row -> types.put((Long) row[0], (String) row[1]));
        }
        return types;
    }

    /** A technician's published route of a local date, in planned order. */
    public static List<Visit> routeOf(Technician technician, LocalDate day) {
        ZoneId zone = technician.region.zone();
        return Visit.list("technician = ?1 and status in ?2 and plannedStart >= ?3 and plannedStart < ?4",
                Sort.by("plannedStart").and("id"), technician, VisitStatus.ON_ROUTE,
                day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Cancels the ticket's visits that no technician has started; returns how many. */
    public static int cancelOpenVisitsOf(Ticket ticket, String reason) {
        List<Visit> open = Visit.list("ticket = ?1 and status in ?2", ticket, VisitStatus.NOT_STARTED);
        open.forEach(visit -> visit.cancel(reason));
        return open.size();
    }

    /**
     * Cancels the ticket's visits that no technician has started, except those planned on purpose besides an
     * incident's visit (with a {@link Visit#separateVisitReason}); returns how many.
     */
    public static int cancelReplaceableVisitsOf(Ticket ticket, String reason) {
        List<Visit> open = Visit.list("ticket = ?1 and status in ?2 and separateVisitReason is null", ticket,
                VisitStatus.NOT_STARTED);
        open.forEach(visit -> visit.cancel(reason));
        return open.size();
    }
}
