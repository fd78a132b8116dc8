package org.tehai.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.tehai.arrival.ArrivalWindows;
import org.tehai.arrival.ArrivalWindows.Job;
import org.tehai.arrival.ArrivalWindows.Window;
import org.tehai.arrival.ArrivalWindows.WorkBefore;
import org.tehai.dispatch.PlanningProblemBuilder.Placement;
import org.tehai.dispatch.PlanningProblemBuilder.Problem;
import org.tehai.dispatch.PlanningProblemBuilder.RouteOwner;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;
import org.tehai.platform.Records;
import org.tehai.platform.error.ApiProblem;
import org.tehai.region.Region;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;

/**
 * Slot search for the desk: the best windows an agent can offer a caller for a visit not yet dispatched. The
 * window the caller takes is booked by {@link SlotBooking}.
 *
 * <p><b>How options are found.</b> For each searched day that has shifts in the visit's region, the day's current
 * plan is rebuilt (the open proposal if it has a plan, else the published plan, else empty routes) and the visit is
 * tried at every place on every route with Timefold's {@code recommendAssignment}: one evaluation pass with the
 * solver's own constraints and score, no solving. The visit is offered on that day within the customer's
 * availability windows that fall on the day and are still open; on a day without such windows (or with
 * {@code anyTime}) within the whole shift day (first shift start to last shift end). Today nothing starts before now
 * plus a lead time ({@code tehai.slots.lead-time}, 30 minutes). Trial insertion gives the earliest start at each
 * place of each route, so a day with empty or short routes would offer only early windows: while a day has fewer
 * different windows than asked for, it is tried again with later earliest starts (spread over the day, at most
 * four more passes), so the caller also hears of later times that day.
 *
 * <p><b>Ranking.</b> Best score impact first (hard, then medium, then soft difference against the plan without the
 * visit), then the earlier start. Options that make the plan worse on the hard level (a skill, tool, shift end,
 * break or another customer's availability broken) are dropped. Options quoting the same window on the same day
 * are one option: the best one is kept.
 */
@ApplicationScoped
public class SlotSearch {

    private static final Logger LOG = Logger.getLogger(SlotSearch.class);

    public static final int DEFAULT_COUNT = 5;
    public static final int MAX_COUNT = 20;
    public static final int DEFAULT_DAYS = 3;
    public static final int MAX_DAYS = 14;
    /** Later-start passes of a sparse day: at most four, spread over the day, at least an hour apart. */
    static final int MAX_LATER_PASSES = 4;
    static final Duration MIN_LATER_START_STEP = Duration.ofHours(1);

    @Inject
    PlanningProblemBuilder builder;

    @Inject
    PlanStore store;

    @Inject
    AssignmentRecommendations recommendations;

    @Inject
    ArrivalWindows windows;

    @Inject
    Clock clock;

    @Inject
    SlotSettings settings;

    /** What the proposition function takes out of the solver's working plan (plain data, nothing of the plan). */
    private record Placed(String routeId, int visitsBefore, long arrival, long start, List<Job> jobs,
            List<Duration> drives) {
    }

    private record Candidate(LocalDate date, RouteOwner owner, Placed placed, Instant arrival, Instant start,
            Window window, HardMediumSoftLongScore impact) {
    }

    /**
     * The best windows for the visit, searching {@code days} days from {@code from} (null: today in the region's
     * zone). The caller checks {@code days} and {@code count}.
     */
    @Transactional
    public SlotOptions options(long visitId, LocalDate from, int days, int count, boolean anyTime) {
        long started = System.nanoTime();
        Visit visit = Records.require(Visit.class, visitId, "visit");
        SlotBooking.requireOpen(visit);
        Region region = visit.region;
        ZoneId zone = region.zone();
        Instant now = Instant.now(clock);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = from == null ? today : from;
        if (first.isBefore(today)) {
            throw ApiProblem.invalid("from", "The first day (" + first + ") is in the past; today in " + region.code
                    + " is " + today + ".");
        }
        Instant earliest = now.plus(settings.leadTime());

        List<Candidate> candidates = new ArrayList<>();
        List<SlotOptions.DaySearched> searched = new ArrayList<>();
        Set<String> hardBroken = new LinkedHashSet<>();
        boolean anySkilled = false;
        boolean anyShift = false;
        long buildNanos = 0;
        long evaluationNanos = 0;
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            String basis;
            Map<String, Placement> warmStart;
            Plan proposal = Plan.openProposal(region, date);
            Map<String, Placement> proposed = store.placements(proposal);
            if (!proposed.isEmpty()) {
                basis = "proposal " + proposal.number;
                warmStart = proposed;
            } else {
                Plan published = Plan.currentPublished(region, date);
                warmStart = store.placements(published);
                basis = warmStart.isEmpty() ? "empty routes" : "published " + published.number;
            }
            long buildStarted = System.nanoTime();
            Problem problem = builder.build(region, date, date.equals(today) ? now : null, warmStart);
            buildNanos += System.nanoTime() - buildStarted;
            DispatchPlan plan = problem.plan();
            if (plan.getRoutes().isEmpty()) {
                searched.add(new SlotOptions.DaySearched(date, basis, 0, null, 0, 0));
                continue;
            }
            anyShift = true;
            Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
            long notBefore = date.equals(today) ? Math.max(0, problem.seconds(earliest)) : 0;
            List<TimeWindow> offered = anyTime ? List.of()
                    : PlanningProblemBuilder.availabilityOn(visit, problem.epoch(), dayEnd, notBefore);
            String within = offered.isEmpty() ? "shift day" : "availability";
            if (offered.isEmpty()) {
                long shiftsFrom = Math.max(notBefore,
                        plan.getRoutes().stream().mapToLong(TechnicianRoute::getShiftStart).min().getAsLong());
                long shiftsTo = plan.getRoutes().stream().mapToLong(TechnicianRoute::getShiftEnd).max().getAsLong();
                if (shiftsFrom >= shiftsTo) {
                    searched.add(new SlotOptions.DaySearched(date, basis, plan.getRoutes().size(), within, 0, 0));
                    continue;
                }
                offered = List.of(new TimeWindow(shiftsFrom, shiftsTo));
            }
            List<List<TimeWindow>> passes = new ArrayList<>();
            passes.add(offered);
            if (visit.pinned && visit.pinnedStart != null && !visit.pinnedStart.isBefore(problem.instant(0))
                    && visit.pinnedStart.isBefore(dayEnd)) {
                long at = problem.seconds(visit.pinnedStart);
                passes.set(0, List.of(new TimeWindow(at, at)));
                within = "pinned start";
            } else {
                passes.addAll(laterStarts(offered));
            }
            Map<String, String> jobTypes = jobTypes(plan);
            Set<String> dayWindows = new HashSet<>();
            int before = candidates.size();
            int evaluated = 0;
            for (List<TimeWindow> pass : passes) {
                if (evaluated > 0 && dayWindows.size() >= count) {
                    break; // the day already has enough different windows
                }
                PlannedVisit trial = builder.trialVisit(problem, visit, pass);
                Map<String, Integer> skills = trial.getRequiredSkillLevels();
                if (plan.getRoutes().stream().noneMatch(r -> r.getTechnician().masters(skills))) {
                    break; // nobody on shift has the skills: every place would break a hard rule
                }
                anySkilled = true;
                evaluated++;
                long evaluationStarted = System.nanoTime();
                DispatchPlan trialPlan = withTrial(plan, trial);
                List<RecommendedAssignment<Placed, HardMediumSoftLongScore>> fits = recommendations.manager()
                        .recommendAssignment(trialPlan, trial, v -> placed(v, jobTypes),
                                ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
                evaluationNanos += System.nanoTime() - evaluationStarted;
                for (RecommendedAssignment<Placed, HardMediumSoftLongScore> fit : fits) {
                    Placed placed = fit.proposition();
                    if (placed == null) {
                        continue; // leaving the visit unassigned is one of the recommendations
                    }
                    HardMediumSoftLongScore impact = fit.scoreAnalysisDiff().score();
                    if (impact.hardScore() < 0) {
                        fit.scoreAnalysisDiff().constraintAnalyses().stream().filter(c -> c.score().hardScore() < 0)
                                .map(ConstraintAnalysis::constraintName).forEach(hardBroken::add);
                        continue;
                    }
                    Instant arrival = problem.instant(placed.arrival());
                    Instant start = problem.instant(placed.start());
                    Instant availableFrom = problem.instant(availableFrom(pass, placed.arrival()));
                    Window window = windows.quote(arrival, new WorkBefore(placed.jobs(), placed.drives()),
                            availableFrom, region);
                    candidates.add(new Candidate(date, problem.routes().get(placed.routeId()), placed, arrival, start,
                            window, impact));
                    dayWindows.add(window.start() + "|" + window.end());
                }
            }
            searched.add(new SlotOptions.DaySearched(date, basis, plan.getRoutes().size(), within, evaluated,
                    candidates.size() - before));
        }

        candidates.sort(Comparator.comparing(Candidate::impact, Comparator.reverseOrder())
                .thenComparing(Candidate::start).thenComparing(c -> c.owner().technicianCode()));
        Set<String> seen = new HashSet<>();
        Map<Long, Technician> technicians = new HashMap<>();
        List<SlotOptions.SlotOption> options = new ArrayList<>();
        for (Candidate c : candidates) {
            if (options.size() >= count) {
                break;
            }
            if (!seen.add(c.date() + "|" + c.window().start() + "|" + c.window().end())) {
                continue; // same window on the same day: the better one is already offered
            }
            Technician technician = technicians.computeIfAbsent(c.owner().technicianId(),
                    key -> Technician.<Technician>findById(key));
            SlotBooking.WindowView window = new SlotBooking.WindowView(local(c.window().start(), zone), local(c.window().end(), zone));
            options.add(new SlotOptions.SlotOption(options.size() + 1, new SlotOptionId(visit.id, c.window(), technician.id).encoded(), c.date(),
                    new SlotOptions.TechnicianRef(technician.id, technician.code, technician.firstName),
                    c.placed().visitsBefore(), local(c.arrival(), zone), local(c.start(), zone), window,
                    c.window().widthMinutes(), new SlotOptions.ScoreImpact(c.impact().toString(), c.impact().hardScore(),
                            c.impact().mediumScore(), c.impact().softScore()),
                    new SlotBooking.BookingRequest(window.start(), window.end(), null)));
        }
        String explanation = options.isEmpty() ? whyNone(visit, first, days, anyShift, anySkilled, hardBroken) : null;
        LOG.debugf("Slot options for visit %d over %d day(s): %d candidates, %d offered in %d ms (building the days "
                + "%d ms, trial insertions %d ms)", visit.id, days, candidates.size(), options.size(),
                (System.nanoTime() - started) / 1_000_000, buildNanos / 1_000_000, evaluationNanos / 1_000_000);
        return new SlotOptions(visit.id, visit.reference(), first, days, count, anyTime, searched, options,
                explanation);
    }

    /**
     * Further passes for a day whose first pass gives too few different windows (empty or short routes put every
     * visit at the start of the day): the same windows, but starting no earlier than a later time. The later times
     * are the start of every further window and steps within each window; a step is a fifth of the time from the
     * first start to the last end, rounded up to the half hour, at least {@link #MIN_LATER_START_STEP}. At most
     * {@link #MAX_LATER_PASSES} passes.
     */
    static List<List<TimeWindow>> laterStarts(List<TimeWindow> offered) {
        java.util.TreeSet<Long> starts = new java.util.TreeSet<>();
        long halfHour = 1800;
        long span = offered.get(offered.size() - 1).end() - offered.get(0).start();
        long step = Math.max(MIN_LATER_START_STEP.toSeconds(),
                (span / (MAX_LATER_PASSES + 1) + halfHour - 1) / halfHour * halfHour);
        for (int i = 0; i < offered.size(); i++) {
            TimeWindow window = offered.get(i);
            if (i > 0) {
                starts.add(window.start());
            }
            for (long at = window.start() + step; at < window.end(); at += step) {
                starts.add(at);
            }
        }
        List<List<TimeWindow>> passes = new ArrayList<>();
        for (long at : starts) {
            if (passes.size() >= MAX_LATER_PASSES) {
                break;
            }
            List<TimeWindow> later = new ArrayList<>();
            for (TimeWindow window : offered) {
                if (window.end() >= at) {
                    later.add(new TimeWindow(Math.max(window.start(), at), window.end()));
                }
            }
            passes.add(later);
        }
        return passes;
    }

    /** The start of the offered window the visit is served in: the quoted window does not start earlier. */
    private static long availableFrom(List<TimeWindow> offered, long arrival) {
        for (TimeWindow window : offered) {
            if (arrival <= window.end()) {
                return window.start();
            }
        }
        return offered.get(offered.size() - 1).start();
    }

    /**
     * The day's plan with the trial visit in place of the visit's own entry (taken off its route if the plan had
     * placed it), rebuilt so the trial visit is bound to the travel times, with the routes re-timed.
     */
    private static DispatchPlan withTrial(DispatchPlan plan, PlannedVisit trial) {
        List<PlannedVisit> visits = new ArrayList<>(plan.getVisits());
        PlannedVisit own = plan.visitOf(trial.getId());
        if (own != null) {
            if (own.getRoute() != null) {
                own.getRoute().getVisits().remove(own);
            }
            visits.set(visits.indexOf(own), trial);
        } else {
            visits.add(trial);
        }
        DispatchPlan rebuilt = new DispatchPlan(plan.getTechnicians(), plan.getRoutes(), visits,
                plan.getTravelTimes().provider());
        SolutionManager.updateShadowVariables(rebuilt);
        return rebuilt;
    }

    /** Where the trial visit sits in the solver's working plan, and the work before it on that route. */
    private static Placed placed(PlannedVisit visit, Map<String, String> jobTypes) {
        TechnicianRoute route = visit.getRoute();
        if (route == null || visit.getSchedule() == null) {
            return null;
        }
        List<Job> jobs = new ArrayList<>();
        List<Duration> drives = new ArrayList<>();
        int visitsBefore = 0;
        for (PlannedVisit stop : route.getVisits()) {
            drives.add(Duration.ofSeconds(stop.getTravelTimeFromPrevious()));
            if (stop == visit) {
                break;
            }
            if (stop.isCustomer()) {
                visitsBefore++;
                jobs.add(new Job(jobTypes.get(stop.getId()), Duration.ofSeconds(stop.getServiceDuration())));
            }
        }
        return new Placed(route.getId(), visitsBefore, visit.getSchedule().arrivalTime(),
                visit.getSchedule().serviceStart(), List.copyOf(jobs), List.copyOf(drives));
    }

    /** The job type of every customer visit of the plan (one query), by planning id. */
    private static Map<String, String> jobTypes(DispatchPlan plan) {
        Map<String, String> types = new HashMap<>();
        Visits.jobTypes(plan.getVisits().stream().filter(PlannedVisit::isCustomer)
                .map(PlanningProblemBuilder.Problem::visitId).toList()).forEach((id, type) -> types.put(id.toString(), type));
        return types;
    }

    private static String whyNone(Visit visit, LocalDate from, int days, boolean anyShift, boolean anySkilled,
            Set<String> hardBroken) {
        String when = days == 1 ? "on " + from : "from " + from + " to " + from.plusDays(days - 1);
        if (!anyShift) {
            return "No technician of " + visit.region.name + " has a shift " + when + ".";
        }
        if (!anySkilled) {
            StringBuilder need = new StringBuilder();
            new TreeMap<String, Integer>(visit.requiredSkills.stream().collect(java.util.stream.Collectors.toMap(
                    s -> s.skill, s -> s.level, Math::max))).forEach((skill, level) -> need
                            .append(need.isEmpty() ? "" : " and ").append("skill ").append(skill).append(" level ")
                            .append(level));
            return "No technician with " + need + " works in " + visit.region.name + " " + when + ".";
        }
        return "Every place on the routes " + when + " would break a hard rule"
                + (hardBroken.isEmpty() ? "" : " (" + String.join(", ", hardBroken) + ")")
                + "; search more days, or ask a dispatcher.";
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
