package org.tehai.sim;

import static org.awaitility.Awaitility.await;
import static org.tehai.support.Api.AGENT;
import static org.tehai.support.Api.DISPATCHER;
import static org.tehai.support.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

import org.tehai.arrival.ArrivalQuote;
import org.tehai.arrival.EstimateTick;
import org.tehai.callback.Callback;
import org.tehai.callback.CallbackKind;
import org.tehai.callback.CallbackStatus;
import org.tehai.demo.DemoData;
import org.tehai.planning.Location;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.planning.TravelTimeProvider;
import org.tehai.region.Region;
import org.tehai.support.AdjustableClock;
import org.tehai.technician.Shift;
import org.tehai.technician.Technician;
import org.tehai.visit.Visit;
import org.tehai.visit.Visits;
import org.tehai.visit.VisitStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

/**
 * Plays days of the demo region through the application, the way they would happen: at 06:30 the dispatcher
 * proposes and publishes the day; then every technician works the published route, their phone sending real events
 * ({@code POST /api/me/events}) and a position every few minutes ({@code POST /api/me/positions}); the desk answers
 * each ARRIVAL_RISK call-back by re-quoting ({@code POST /api/visits/{id}/requote}). The application clock follows the
 * simulated time, and every five simulated minutes the application estimates the days under way again, as its
 * scheduler does ({@link EstimateTick}). Nothing is re-planned during the day.
 *
 * <p>How reality deviates from the plan (each draw from a log-normal with the given mean and standard deviation,
 * as a factor on the planned duration):
 * <ul>
 * <li>jobs: per job type, see {@link #JOBS} (a factor of 1.2 means the job takes 20 % longer than estimated);
 * <li>drives: mean 1.05, sd 0.20, and one drive in twenty is caught in a jam (another ×1.6);
 * <li>a technician whose job runs more than a quarter of an hour past its estimate (seen halfway through the
 * estimate, or at its end) reports the minutes left ({@code RUNNING_LONG}), guessed with mean 1.0 and sd 0.25.
 * </ul>
 * Technicians keep to their customers' windows: they do not ring before the window told nor while the customer said
 * they are out (they leave later, or wait outside), they take their break at the first moment after its earliest start, and they finish every visit of
 * their route even past shift end.
 */
final class ArrivalSimulation {

    /** A multiplicative deviation: log-normal with this mean and standard deviation. */
    record Deviation(double mean, double sd) {

        double draw(Random random) {
            double sigma2 = Math.log(1 + sd * sd / (mean * mean));
            double mu = Math.log(mean) - sigma2 / 2;
            return Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian());
        }
    }

    /** How each job type of the demo region really runs against its estimate. */
    static final Map<String, Deviation> JOBS = Map.of(
            "TV_SIGNAL_REPAIR", new Deviation(1.00, 0.25),
            "SETTOP_SWAP", new Deviation(0.85, 0.20),
            "FIBER_REPAIR", new Deviation(1.15, 0.35),
            "FIBER_SPLICE", new Deviation(1.25, 0.40),
            "WIFI_SETUP", new Deviation(0.95, 0.30),
            "PHONE_REPAIR", new Deviation(1.00, 0.30),
            "PC_REPAIR", new Deviation(1.20, 0.45),
            "INTERCOM_REPAIR", new Deviation(1.10, 0.35));
    static final Deviation OTHER_JOB = new Deviation(1.0, 0.3);
    static final Deviation DRIVE = new Deviation(1.05, 0.20);
    /** How far a technician's guess of the minutes left on a job misses. */
    static final Deviation GUESS = new Deviation(1.0, 0.25);
    static final double JAM_SHARE = 0.05;
    static final double JAM_FACTOR = 1.6;

    private static final LocalTime PLANNING_TIME = LocalTime.of(6, 30);
    /** How often the application estimates the days under way again without a report (its default). */
    private static final Duration ESTIMATE_TICK = Duration.ofMinutes(5);

    private final AdjustableClock clock;
    private final DemoData demo;
    private final int solveSeconds;
    private final Duration pingEvery;
    private final Random random;
    private final TravelTimeProvider travel = new StraightLineTravelTime();
    private final Options options;

    private long regionId;
    private ZoneId zone;
    private long sequence;
    private final List<Long> atRiskLeadMinutes = new ArrayList<>();
    private final List<Map<String, Object>> dayReports = new ArrayList<>();

    /**
     * How a run differs from the plain one: {@code live} keeps live re-planning on during the day with automatic
     * publishing, the solve getting {@code solverSecondsPerHour} seconds of real time for every simulated hour (the
     * application's clock advances only those seconds meanwhile); {@code unknownSpeeds} draws the true drives from a speed the
     * application does not know (22 km/h at rush hours, 30 km/h otherwise, on the same 1.3 road factor), which it can
     * only learn from measured drives.
     */
    record Options(boolean live, int solverSecondsPerHour, boolean unknownSpeeds) {

        static final Options PLAIN = new Options(false, 0, false);
    }

    /** A warning the desk received: when, for which visit, the window in force then, and the first window told. */
    private record Warning(long visit, Instant at, Instant windowStart, Instant windowEnd) {
    }

    private final List<Warning> warnings = new ArrayList<>();
    private List<String> visitRows = List.of();

    ArrivalSimulation(AdjustableClock clock, DemoData demo, int solveSeconds, Duration pingEvery, long seed) {
        this(clock, demo, solveSeconds, pingEvery, seed, Options.PLAIN);
    }

    ArrivalSimulation(AdjustableClock clock, DemoData demo, int solveSeconds, Duration pingEvery, long seed,
            Options options) {
        this.options = options;
        this.clock = clock;
        this.demo = demo;
        this.solveSeconds = solveSeconds;
        this.pingEvery = pingEvery;
        this.random = new Random(seed);
    }

    /** Loads the demo region as of {@code firstDay} and plays {@code days} working days from it. */
    Map<String, Object> run(LocalDate firstDay, int days) {
        zone = ZoneId.of("Asia/Tokyo");
        clock.setTo(firstDay.atTime(5, 0).atZone(zone).toInstant());
        as("admin").post("/api/admin/demo-data?replace=true").then().statusCode(201);
        regionId = QuarkusTransaction.requiringNew().call(() -> Region.<Region>find("code", "TOKYO-WEST")
                .firstResult().id);
        List<LocalDate> played = new ArrayList<>();
        LocalDate day = firstDay;
        for (int d = 0; d < days; d++) {
            if (d >= 2) {
                demo.addDay(day); // the demo load brings two days; later ones are added as they come
            }
            playDay(day);
            played.add(day);
            day = nextWorkingDay(day);
        }
        return summary(played);
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        return next.getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? next.plusDays(1) : next;
    }

    // ---- one day --------------------------------------------------------------------------------------------

    private void playDay(LocalDate day) {
        clock.setTo(day.atTime(PLANNING_TIME).atZone(zone).toInstant());
        String path = "/api/regions/" + regionId + "/days/" + day;
        as(DISPATCHER).body(Map.of("spentLimitSeconds", solveSeconds, "unimprovedSpentLimitSeconds",
                Math.max(1, Math.min(solveSeconds, 10)))).post(path + "/proposals").then().statusCode(202);
        await().atMost(Duration.ofSeconds(solveSeconds + 120L)).pollInterval(Duration.ofSeconds(1))
                .until(() -> "DONE".equals(as(DISPATCHER).get(path + "/proposals/current").then().extract()
                        .jsonPath().getString("status")));
        JsonPath published = as(DISPATCHER).post(path + "/proposals/current/publish").then().statusCode(200)
                .extract().jsonPath();
        if (options.live()) {
            setPublishPolicy("AUTOMATIC");
            as(DISPATCHER).post(path + "/live").then().statusCode(202);
        }

        PriorityQueue<Step> steps = new PriorityQueue<>();
        for (Worker worker : workersOf(day)) {
            steps.add(new Step(worker.shiftStart, sequence++, worker, worker::startDay));
        }
        int events = 0;
        Instant nextHour = day.atTime(PLANNING_TIME).atZone(zone).toInstant().plus(Duration.ofHours(1));
        Instant nextTick = day.atTime(PLANNING_TIME).atZone(zone).toInstant().plus(ESTIMATE_TICK);
        EstimateTick estimateTick = io.quarkus.arc.Arc.container().instance(EstimateTick.class).get();
        while (!steps.isEmpty()) {
            Step step = steps.poll();
            while (!step.at.isBefore(nextTick) || options.live() && !step.at.isBefore(nextHour)) {
                if (options.live() && !nextHour.isAfter(nextTick)) {
                    // The live solve gets its stated share of real time for every simulated hour that passes.
                    clock.setTo(nextHour);
                    solveFor(options.solverSecondsPerHour());
                    nextHour = nextHour.plus(Duration.ofHours(1));
                    continue;
                }
                // The application's periodic re-estimation, at the production default's pace.
                clock.setTo(nextTick);
                estimateTick.reestimateDaysUnderWay();
                answerArrivalRisks();
                nextTick = nextTick.plus(ESTIMATE_TICK);
            }
            clock.setTo(step.at);
            Step next = step.action.act(step.at);
            events++;
            answerArrivalRisks();
            if (next != null) {
                steps.add(next);
            }
        }
        if (options.live()) {
            as(DISPATCHER).delete(path + "/live").then().statusCode(org.hamcrest.Matchers.oneOf(200, 202, 204));
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", day.toString());
        report.put("dispatched", published.getInt("dispatched"));
        report.put("unassigned", published.getInt("unassigned"));
        report.put("requests", events);
        dayReports.add(report);
    }

    private List<Worker> workersOf(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Worker> workers = new ArrayList<>();
            for (Technician technician : Technician.<Technician>list("region.id = ?1 order by code", regionId)) {
                Shift shift = Shift.find(technician.id, day);
                if (shift == null || Visits.routeOf(technician, day).isEmpty()) {
                    continue;
                }
                var breakRule = shift.breaks.isEmpty() ? null : shift.breaks.get(0);
                workers.add(new Worker(technician.login, day, shift.startsAt,
                        new Location(technician.homeLatitude, technician.homeLongitude),
                        breakRule == null ? null : breakRule.earliestStart,
                        breakRule == null ? 0 : breakRule.durationMinutes));
            }
            return workers;
        });
    }

    private static void solveFor(int seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the live solve ran", e);
        }
    }

    private void setPublishPolicy(String policy) {
        QuarkusTransaction.requiringNew().run(() -> Region.<Region>findById(regionId).publishPolicy =
                org.tehai.region.PublishPolicy.valueOf(policy));
    }

    /** The desk calls back every customer whose arrival is at risk and tells them a new window. */
    private void answerArrivalRisks() {
        record Due(long callback, Long visit, Instant windowStart, Instant windowEnd) {
        }
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> {
            List<Due> list = new ArrayList<>();
            for (Callback callback : Callback.<Callback>list("region.id = ?1 and kind = ?2 and status = ?3", regionId,
                    CallbackKind.ARRIVAL_RISK, CallbackStatus.DUE)) {
                Visit visit = Visit.find("ticket = ?1 and status in ?2", callback.ticket,
                        List.of(VisitStatus.DISPATCHED, VisitStatus.EN_ROUTE)).firstResult();
                list.add(new Due(callback.id, visit == null ? null : visit.id,
                        visit == null ? null : visit.quotedWindowStart, visit == null ? null : visit.quotedWindowEnd));
            }
            return list;
        });
        for (Due d : due) {
            if (d.visit() != null) {
                atRiskLeadMinutes.add(Duration.between(clock.instant(), d.windowStart()).toMinutes());
                warnings.add(new Warning(d.visit(), clock.instant(), d.windowStart(), d.windowEnd()));
                as(AGENT).body(Map.of("reason", "customer called back about the delay"))
                        .post("/api/visits/" + d.visit() + "/requote").then().statusCode(200);
            }
            as(AGENT).body(Map.of("notes", d.visit() == null ? "technician already there" : "new window told"))
                    .post("/api/callbacks/" + d.callback() + "/done").then().statusCode(200);
        }
    }

    /** Something a technician's phone does at a moment; returns what the technician does next (null: day over). */
    private interface Action {
        Step act(Instant at);
    }

    private record Step(Instant at, long order, Worker worker, Action action) implements Comparable<Step> {

        @Override
        public int compareTo(Step other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    /** One technician working the published route. */
    private final class Worker {

        private final String login;
        private final LocalDate day;
        private final Instant shiftStart;
        private final Instant breakFrom;
        private final int breakMinutes;
        private boolean breakTaken;
        private Location at;
        private int done;
        private int eventNumber;

        Worker(String login, LocalDate day, Instant shiftStart, Location home, Instant breakFrom, int breakMinutes) {
            this.login = login;
            this.day = day;
            this.shiftStart = shiftStart;
            this.at = home;
            this.breakFrom = breakFrom;
            this.breakMinutes = breakMinutes;
            this.breakTaken = breakFrom == null;
        }

        Step startDay(Instant now) {
            send("DAY_STARTED", null, now, at, List.of());
            return nextVisit(now);
        }

        /** After a job (or at the start): the break if due, then off to the next visit, or home. */
        private Step nextVisit(Instant now) {
            if (!breakTaken && !now.isBefore(breakFrom)) {
                breakTaken = true;
                send("BREAK_STARTED", null, now, at, List.of());
                Instant end = now.plus(Duration.ofMinutes(breakMinutes));
                return step(end, t -> {
                    send("BREAK_ENDED", null, t, at, List.of());
                    return nextVisit(t);
                });
            }
            JsonPath route = as(login).get("/api/me/route?date=" + day).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> stops = route.getList("visits");
            if (done >= stops.size()) {
                send("DAY_ENDED", null, now, at, List.of());
                return null;
            }
            Map<String, Object> stop = stops.get(done);
            long visitId = ((Number) stop.get("visitId")).longValue();
            Location site = new Location(((Number) stop.get("latitude")).doubleValue(),
                    ((Number) stop.get("longitude")).doubleValue());
            long plannedDrive = options.unknownSpeeds() ? trueDrive(at, site, now) : travel.travelSeconds(at, site);
            @SuppressWarnings("unchecked")
            Map<String, Object> window = (Map<String, Object>) stop.get("quotedWindow");
            Instant windowStart = window == null ? now : OffsetDateTime.parse((String) window.get("start")).toInstant();
            // Leave so as to ring at the start of the window told, not earlier.
            Instant leave = later(now, windowStart.minusSeconds(plannedDrive));
            double factor = DRIVE.draw(random) * (random.nextDouble() < JAM_SHARE ? JAM_FACTOR : 1);
            long drive = Math.round(plannedDrive * factor);
            Instant ring = customerThere(stop, later(leave.plusSeconds(drive), windowStart));
            String jobType = (String) stop.get("jobType");
            int minutes = ((Number) stop.get("durationMinutes")).intValue();
            long job = Math.round(minutes * 60 * JOBS.getOrDefault(jobType, OTHER_JOB).draw(random));
            @SuppressWarnings("unchecked")
            List<String> parts = (List<String>) stop.get("parts");
            Location from = at;
            return step(leave, t -> {
                send("EN_ROUTE", visitId, t, from, List.of());
                Action ringing = r -> {
                    at = site;
                    send("ARRIVED", visitId, r, site, List.of());
                    var onSite = new JobOnSite(visitId, r, minutes * 60L, r.plusSeconds(job));
                    return working(r, r.plus(pingEvery), onSite, () -> step(r.plusSeconds(job), c -> {
                        send("COMPLETED", visitId, c, site, parts);
                        done++;
                        return nextVisit(c);
                    }));
                };
                Instant reached = t.plusSeconds(drive);
                // Early for the window: the phone reports where the van stopped, and the technician waits to ring.
                return driving(t, from, site, reached, () -> ring.isAfter(reached) ? step(reached, p -> {
                    ping(p, site);
                    return step(ring, ringing);
                }) : step(ring, ringing));
            });
        }

        /** Position pings on the way, then what comes at the end of the drive. */
        private Step driving(Instant now, Location from, Location to, Instant end,
                java.util.function.Supplier<Step> then) {
            Instant ping = now.plus(pingEvery);
            if (!ping.isBefore(end)) {
                return then.get();
            }
            return step(ping, t -> {
                double share = (double) Duration.between(now, t).toSeconds() / Math.max(1, Duration.between(now, end)
                        .toSeconds());
                ping(t, new Location(from.latitude() + share * (to.latitude() - from.latitude()),
                        from.longitude() + share * (to.longitude() - from.longitude())));
                return driving(t, new Location(from.latitude() + share * (to.latitude() - from.latitude()),
                        from.longitude() + share * (to.longitude() - from.longitude())), to, end, then);
            });
        }

        /**
         * Position pings while on site, and the technician's looks at how the job goes (a job running long is
         * reported with a guess of the minutes left), then the end of the job.
         */
        private Step working(Instant now, Instant ping, JobOnSite job, java.util.function.Supplier<Step> then) {
            Instant look = job.nextLook(now);
            Instant next = look != null && look.isBefore(ping) ? look : ping;
            if (!next.isBefore(job.end)) {
                return then.get();
            }
            return step(next, t -> {
                if (t.equals(look)) {
                    job.look(t);
                    return working(t, ping, job, then);
                }
                ping(t, at);
                return working(t, ping.plus(pingEvery), job, then);
            });
        }

        /**
         * A job under way as its technician sees it: halfway through its estimate and at its end they know whether
         * it runs long; more than a quarter of an hour beyond the estimate, they report the minutes left (their
         * guess, off by {@link #GUESS} and rounded to five minutes), and again when that guess has run out.
         */
        private final class JobOnSite {
            private final long visitId;
            private final Instant arrived;
            private final long estimate;
            private final Instant end;
            private int looks;
            private Instant told;

            JobOnSite(long visitId, Instant arrived, long estimateSeconds, Instant end) {
                this.visitId = visitId;
                this.arrived = arrived;
                this.estimate = estimateSeconds;
                this.end = end;
            }

            Instant nextLook(Instant now) {
                Instant look = switch (looks) {
                    case 0 -> arrived.plusSeconds(estimate / 2);
                    case 1 -> arrived.plusSeconds(estimate);
                    default -> told == null ? null : told.plusSeconds(60);
                };
                return look == null || look.isBefore(now) ? null : look;
            }

            void look(Instant t) {
                looks++;
                long left = Duration.between(t, end).toSeconds();
                long expected = told != null ? Duration.between(t, told).toSeconds()
                        : Math.max(0, estimate - Duration.between(arrived, t).toSeconds());
                if (left - expected > 15 * 60) {
                    long guess = Math.round(left * GUESS.draw(random) / 300.0) * 5;
                    int minutes = (int) Math.max(5, Math.min(480, guess));
                    told = t.plusSeconds(minutes * 60L);
                    System.out.printf("[simulation] %s %s visit %d runs long: %d min said, %d min true%n", login,
                            t.atZone(zone).toLocalTime(), visitId, minutes, left / 60);
                    send("RUNNING_LONG", visitId, t, at, List.of(), minutes);
                } else if (told != null && !t.isBefore(told)) {
                    told = null; // overran the guess only a little: no more reports
                }
            }
        }

        private Step step(Instant when, Action action) {
            return new Step(when, sequence++, this, action);
        }

        private void send(String type, Long visitId, Instant when, Location where, List<String> parts) {
            send(type, visitId, when, where, parts, null);
        }

        private void send(String type, Long visitId, Instant when, Location where, List<String> parts,
                Integer minutesLeft) {
            Map<String, Object> event = new HashMap<>();
            if (minutesLeft != null) {
                event.put("minutesLeft", minutesLeft);
            }
            event.put("eventId", login + "-" + day + "-" + (++eventNumber));
            event.put("type", type);
            event.put("visitId", visitId);
            event.put("occurredAt", when.atZone(zone).toOffsetDateTime().toString());
            event.put("latitude", where.latitude());
            event.put("longitude", where.longitude());
            if (parts != null && !parts.isEmpty()) {
                event.put("partsUsed", parts.stream().map(p -> {
                    String[] codeAndCount = p.split(" ×");
                    return Map.of("partCode", codeAndCount[0], "quantity", Integer.parseInt(codeAndCount[1]));
                }).toList());
            }
            as(login).body(Map.of("events", List.of(event))).post("/api/me/events").then().statusCode(200);
        }

        private void ping(Instant when, Location where) {
            as(login).body(Map.of("positions", List.of(Map.of("latitude", where.latitude(), "longitude",
                    where.longitude(), "recordedAt", when.atZone(zone).toOffsetDateTime().toString()))))
                    .post("/api/me/positions").then().statusCode(200);
        }
    }

    /** The drive as the city really is in the unknown-speed runs (before the day's random deviation). */
    private long trueDrive(Location from, Location to, Instant departure) {
        int hour = departure.atZone(zone).getHour();
        boolean rush = (hour >= 7 && hour < 10) || (hour >= 17 && hour < 20);
        double metersPerSecond = (rush ? 22.0 : 30.0) / 3.6;
        return (long) Math.ceil(from.metersTo(to) * StraightLineTravelTime.DEFAULT_ROAD_FACTOR / metersPerSecond);
    }

    /**
     * When the customer opens for a technician at the door at {@code arrival}: they are home only when they said (the
     * next of their availability windows that has not ended); after the last one, at once.
     */
    private static Instant customerThere(Map<String, Object> stop, Instant arrival) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> windows = (List<Map<String, Object>>) stop.get("customerAvailable");
        for (Map<String, Object> window : windows == null ? List.<Map<String, Object>>of() : windows) {
            if (!arrival.isAfter(OffsetDateTime.parse((String) window.get("end")).toInstant())) {
                return later(arrival, OffsetDateTime.parse((String) window.get("start")).toInstant());
            }
        }
        return arrival;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    // ---- the summary ----------------------------------------------------------------------------------------

    private Map<String, Object> summary(List<LocalDate> days) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("days", days.size());
            summary.put("first_day", days.get(0).toString());
            summary.putAll(figures(days.get(0), days.get(days.size() - 1)));
            if (days.size() > 1) {
                // Once a day of history is there (what the unknown-speed runs are judged on).
                summary.put("from_day_2", figures(days.get(1), days.get(days.size() - 1)));
            }
            summary.put("at_risk_callbacks", atRiskLeadMinutes.size());
            summary.put("callback_lead_median_min", percentile(atRiskLeadMinutes, 50));
            summary.put("callback_lead_p10_min", percentile(atRiskLeadMinutes, 10));
            summary.put("solve_seconds", solveSeconds);
            summary.put("ping_every_min", pingEvery.toMinutes());
            summary.put("live_replanning", options.live());
            // What the application learned of the region's drives: the factor on base drive times by departure hour.
            var travelTimes = io.quarkus.arc.Arc.container().instance(org.tehai.routing.TravelTimes.class).get();
            var speeds = io.quarkus.arc.Arc.container().instance(org.tehai.routing.DriveSpeeds.class).get();
            speeds.forget();
            var model = speeds.of(regionId, zone, travelTimes.base());
            Map<String, Object> factors = new LinkedHashMap<>();
            for (int hour = 7; hour <= 19; hour++) {
                factors.put(String.valueOf(hour), Math.round(model.factor(hour) * 100) / 100.0);
            }
            summary.put("measured_drives", model.drives());
            summary.put("learned_drive_factor_by_hour", factors);
            summary.put("live_solver_seconds_per_hour", options.solverSecondsPerHour());
            summary.put("unknown_speeds", options.unknownSpeeds());
            for (int d = 0; d < days.size(); d++) {
                Map<String, Object> figures = figures(days.get(d), days.get(d));
                dayReports.get(d).put("first_window_hit_rate", figures.get("first_window_hit_rate"));
                dayReports.get(d).put("median_width_min", figures.get("median_width_min"));
            }
            summary.put("per_day", dayReports);
            visitRows = visitRows(days.get(0), days.get(days.size() - 1));
            return summary;
        });
    }

    /**
     * One line per visit reached (CSV with a header): the first window told and when, the arrival, how late it was
     * against that window's end, the warnings received and how many windows were told: what a miss is read from.
     */
    List<String> visitRows() {
        return visitRows;
    }

    private List<String> visitRows(LocalDate firstDay, LocalDate lastDay) {
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant to = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        Map<Long, List<Warning>> warningsByVisit = new HashMap<>();
        for (Warning warning : warnings) {
            warningsByVisit.computeIfAbsent(warning.visit(), v -> new ArrayList<>()).add(warning);
        }
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        List<String> rows = new ArrayList<>();
        rows.add("date,visit,technician,job_type,estimated_min,first_told_at,first_start,first_end,width_min,arrival,"
                + "departure,min_after_end,windows_told,warnings,first_warning_at");
        for (Visit visit : Visit.<Visit>list("region.id = ?1 and actualArrival >= ?2 and actualArrival < ?3 "
                + "order by actualArrival", regionId, from, to)) {
            List<ArrivalQuote> quotes = ArrivalQuote.history(visit).stream()
                    .filter(q -> !q.quotedAt.isAfter(visit.actualArrival)).toList();
            if (quotes.isEmpty()) {
                continue;
            }
            ArrivalQuote first = quotes.get(0);
            List<Warning> visitWarnings = warningsByVisit.getOrDefault(visit.id, List.of());
            rows.add(String.join(",", LocalDate.ofInstant(visit.actualArrival, zone).toString(),
                    String.valueOf(visit.id), visit.technician == null ? "" : visit.technician.login,
                    String.valueOf(visit.jobType), String.valueOf(visit.estimatedDurationMinutes),
                    time.format(first.quotedAt.atZone(zone)),
                    time.format(first.windowStart.atZone(zone)), time.format(first.windowEnd.atZone(zone)),
                    String.valueOf(Duration.between(first.windowStart, first.windowEnd).toMinutes()),
                    time.format(visit.actualArrival.atZone(zone)),
                    visit.actualDeparture == null ? "" : time.format(visit.actualDeparture.atZone(zone)),
                    String.valueOf(Duration.between(first.windowEnd, visit.actualArrival).toMinutes()),
                    String.valueOf(quotes.size()), String.valueOf(visitWarnings.size()),
                    visitWarnings.isEmpty() ? "" : time.format(visitWarnings.get(0).at().atZone(zone))));
        }
        return rows;
    }

    /** Hit rates, widths and re-quotes of the visits reached between two days (inclusive). */
    private Map<String, Object> figures(LocalDate firstDay, LocalDate lastDay) {
        Instant from = firstDay.atStartOfDay(zone).toInstant();
        Instant to = lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        List<Visit> arrived = Visit.list("region.id = ?1 and actualArrival >= ?2 and actualArrival < ?3", regionId,
                from, to);
        int firstHits = 0;
        int lastHits = 0;
        int quoted = 0;
        int changes = 0;
        int narrowed = 0;
        List<Long> firstWidths = new ArrayList<>();
        List<Long> lastWidths = new ArrayList<>();
        Map<Long, List<Warning>> warningsByVisit = new HashMap<>();
        for (Warning warning : warnings) {
            warningsByVisit.computeIfAbsent(warning.visit(), v -> new ArrayList<>()).add(warning);
        }
        int late = 0;
        int lateWarned = 0;
        List<Long> leads = new ArrayList<>();
        int warned = 0;
        int falseAlarms = 0;
        for (Visit visit : arrived) {
            List<ArrivalQuote> quotes = ArrivalQuote.history(visit).stream()
                    .filter(q -> !q.quotedAt.isAfter(visit.actualArrival)).toList();
            if (quotes.isEmpty()) {
                continue;
            }
            quoted++;
            ArrivalQuote first = quotes.get(0);
            ArrivalQuote last = quotes.get(quotes.size() - 1);
            firstHits += inside(first, visit.actualArrival) ? 1 : 0;
            lastHits += inside(last, visit.actualArrival) ? 1 : 0;
            firstWidths.add(Duration.between(first.windowStart, first.windowEnd).toMinutes());
            lastWidths.add(Duration.between(last.windowStart, last.windowEnd).toMinutes());
            changes += quotes.size() - 1;
            List<Warning> visitWarnings = warningsByVisit.getOrDefault(visit.id, List.of());
            for (Warning warning : visitWarnings) {
                warned++;
                falseAlarms += !visit.actualArrival.isBefore(warning.windowStart())
                        && !visit.actualArrival.isAfter(warning.windowEnd()) ? 1 : 0;
            }
            if (visit.actualArrival.isAfter(first.windowEnd)) {
                late++;
                Warning earliest = visitWarnings.isEmpty() ? null : visitWarnings.get(0);
                if (earliest != null && earliest.at().isBefore(first.windowEnd)) {
                    lateWarned++;
                    leads.add(Duration.between(earliest.at(), first.windowEnd).toMinutes());
                }
            }
            narrowed += (int) quotes.stream().filter(q -> q.reason.startsWith("narrowed")).count();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("visits", quoted);
        figures.put("first_window_hit_rate", ratio(firstHits, quoted));
        figures.put("last_window_hit_rate", ratio(lastHits, quoted));
        figures.put("median_width_min", percentile(firstWidths, 50));
        figures.put("p90_width_min", percentile(firstWidths, 90));
        figures.put("last_median_width_min", percentile(lastWidths, 50));
        figures.put("requotes_per_visit", ratio(changes, quoted));
        figures.put("narrowings_per_visit", ratio(narrowed, quoted));
        // Warnings against the first window told: late arrivals, how many were warned before its end and how early,
        // and warnings for visits that then arrived inside the window in force when the warning was issued.
        figures.put("late_arrivals", late);
        figures.put("late_warned_share", ratio(lateWarned, late));
        figures.put("warning_lead_median_min", percentile(leads, 50));
        figures.put("warnings", warned);
        figures.put("false_alarm_share", ratio(falseAlarms, warned));
        return figures;
    }

    private static boolean inside(ArrivalQuote quote, Instant arrival) {
        return !arrival.isBefore(quote.windowStart) && !arrival.isAfter(quote.windowEnd);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10000.0 * part / whole) / 10000.0;
    }

    private static Long percentile(List<Long> values, int percent) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
