package org.tehai.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.tehai.demo.RegionDayGenerator;
import org.tehai.demo.RegionDayGenerator.Load;
import org.tehai.demo.RegionDayGenerator.RegionDay;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlanChanges;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverJob;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.api.solver.event.EventProducerId;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

/**
 * The dispatch benchmark on one generated region-day (by default 1,000 visits, 100 technicians, see
 * {@link RegionDayGenerator}), run the way the application runs its solves: the production solver configuration
 * through a {@link SolverManager}, best solutions taken from its event consumer.
 * <ol>
 * <li>Proposal: solves for {@code bench.seconds} (120 by default) and records the time to the first feasible best
 * solution (construction finished and hard score 0), and the best score and unassigned visits at 30 s and at the
 * end.</li>
 * <li>Live: restarts from the proposal's best plan as a live day at 10:00 (what started before stays pinned at
 * the head of its route, nothing else starts before 10:00, the solve has no time limit) and, after a warm-up,
 * submits urgent P1 visits one after another through {@link PlanChanges#addVisit}, the problem change live
 * re-planning sends, measuring the wall time from submission until a best solution is feasible and has the visit
 * assigned.</li>
 * </ol>
 * Writes {@code <bench.out>/region-day.csv} (metric,value) and {@code region-day-progress.csv} (every best solution
 * of the proposal) and prints a summary.
 *
 * <p>Run with {@code ./mvnw -Pbench verify -Dbench.suite=region-day -Dbench.seconds=120}. {@code bench.instances}
 * may name another size as {@code <visits>x<technicians>} (default {@code all} = 1000x100). Started directly (not
 * through Maven), more system properties apply: {@code bench.seed}, {@code bench.checkpoint-seconds},
 * {@code bench.live-at}, {@code bench.live-warmup-seconds}, {@code bench.urgent}, {@code bench.urgent-gap-seconds},
 * {@code bench.urgent-timeout-seconds}, {@code bench.verbose}.
 */
public final class RegionDayBenchmark {

    public static final String SUITE = "region-day";
    public static final long DEFAULT_SEED = RegionDayGenerator.BENCHMARK_SEED;
    /** {@code -Dbench.verbose=true}: print every best solution of the live solve while an urgent visit waits. */
    static final boolean VERBOSE = Boolean.getBoolean("bench.verbose");

    public record Options(int visits, int technicians, long seed, long proposalSeconds, long checkpointSeconds,
            long liveAt, double liveWarmupSeconds, int urgentCount, double urgentGapSeconds,
            double urgentTimeoutSeconds, Path outDir) {
    }

    /** A best solution of the proposal solve, at wall time {@code seconds} after submitting it. */
    public record Point(double seconds, HardMediumSoftLongScore score, int unassigned, boolean initialized) {
    }

    /**
     * One urgent visit: {@code seconds} from submission until a feasible best solution had it assigned (null when
     * that did not happen within the timeout), {@code processedSeconds} until the solver had applied the change.
     */
    public record Urgent(String id, long windowStart, double submittedAt, Double seconds, Double processedSeconds,
            String route, Long serviceStart, HardMediumSoftLongScore score, int unassigned) {
    }

    public record Result(Load load, Double firstFeasibleSeconds, Double constructionSeconds, Point atCheckpoint,
            Figures checkpointFigures, Point atEnd, Figures endFigures, double proposalSeconds, long movesPerSecond, int pinnedInLive,
            int liveCustomerVisits,
            HardMediumSoftLongScore liveStartScore, List<Urgent> urgent, Path csv) {

        /** Times of the urgent visits placed within the timeout, shortest first. */
        public List<Double> urgentSeconds() {
            return urgent.stream().map(Urgent::seconds).filter(s -> s != null).sorted().toList();
        }

        /**
         * Median over all urgent visits, a timed-out one counting as longer than any: "&gt; timeout" when the middle
         * one timed out.
         */
        public String urgentMedian(double timeoutSeconds) {
            List<Double> all = new ArrayList<>(urgent.stream()
                    .map(u -> u.seconds() == null ? Double.POSITIVE_INFINITY : u.seconds()).sorted().toList());
            if (all.isEmpty()) {
                return "";
            }
            int n = all.size();
            double median = n % 2 == 1 ? all.get(n / 2) : (all.get(n / 2 - 1) + all.get(n / 2)) / 2;
            return censored(median, timeoutSeconds);
        }

        public String urgentMax(double timeoutSeconds) {
            return urgent.isEmpty() ? "" : censored(urgent.stream()
                    .mapToDouble(u -> u.seconds() == null ? Double.POSITIVE_INFINITY : u.seconds()).max()
                    .getAsDouble(), timeoutSeconds);
        }

        private static String censored(double seconds, double timeoutSeconds) {
            return Double.isInfinite(seconds) ? ">" + format(timeoutSeconds) : format(seconds);
        }
    }

    private RegionDayBenchmark() {
    }

    public static void main(String[] args) {
        String size = System.getProperty("bench.instances", "all").strip();
        int visits = 1000;
        int technicians = 100;
        if (!size.isEmpty() && !size.equalsIgnoreCase("all")) {
            String[] parts = size.toLowerCase(Locale.ROOT).split("x");
            if (parts.length != 2) {
                throw new IllegalArgumentException(
                        "For the region-day suite, bench.instances is all or <visits>x<technicians>, not (%s)."
                                .formatted(size));
            }
            visits = Integer.parseInt(parts[0].strip());
            technicians = Integer.parseInt(parts[1].strip());
        }
        Options options = new Options(visits, technicians,
                Long.getLong("bench.seed", DEFAULT_SEED),
                Long.parseLong(System.getProperty("bench.seconds", "120")),
                Long.getLong("bench.checkpoint-seconds", 30),
                LocalTime.parse(System.getProperty("bench.live-at", "10:00")).toSecondOfDay(),
                Double.parseDouble(System.getProperty("bench.live-warmup-seconds", "10")),
                Integer.getInteger("bench.urgent", 5),
                Double.parseDouble(System.getProperty("bench.urgent-gap-seconds", "5")),
                Double.parseDouble(System.getProperty("bench.urgent-timeout-seconds", "120")),
                Path.of(System.getProperty("bench.out", "target/bench")));
        run(options);
    }

    public static Result run(Options options) {
        RegionDayGenerator generator = new RegionDayGenerator(options.technicians(), options.visits(), options.seed());
        RegionDay day = generator.generate();
        Load load = generator.load(day);
        System.out.println("[bench] region-day: " + load.describe());
        double loadBefore = loadAverage();
        System.out.printf(Locale.ROOT, "[bench] region-day: %d available processors, max heap %d MB, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadBefore);
        DispatchPlan plan = day.plan();

        try (SolverManager<DispatchPlan, String> manager = SolverManager.create(solverConfig())) {
            Proposal proposal = propose(manager, plan, options);
            PriorityInversions inversions = new PriorityInversions(solverConfig());
            Figures figures = Figures.of(proposal.solved(), inversions);
            Figures checkpointFigures = proposal.checkpointPlan() == null ? null
                    : Figures.of(proposal.checkpointPlan(), inversions);
            System.out.printf(Locale.ROOT, "[bench] region-day: proposal done; first feasible %s s, at %d s %s, at end "
                    + "%s; %s%n", format(proposal.firstFeasibleSeconds()), options.checkpointSeconds(),
                    describe(proposal.at(options.checkpointSeconds())), describe(proposal.end()), figures);
            DispatchPlan live = livePlan(generator, proposal.solved(), options.liveAt());
            Live outcome = liveDay(manager, generator, live, options);
            Result result = new Result(load, proposal.firstFeasibleSeconds(), proposal.constructionSeconds(),
                    proposal.at(options.checkpointSeconds()), checkpointFigures, proposal.end(), figures, proposal.seconds(),
                    proposal.movesPerSecond(), outcome.pinned(), outcome.customers(), outcome.startScore(),
                    outcome.urgent(), options.outDir().resolve(SUITE + ".csv"));
            write(options, result, proposal.points(), loadBefore, loadAverage());
            System.out.println(summary(options, result));
            return result;
        }
    }

    /**
     * What a plan looks like: unassigned visits by priority, priority inversions (see {@link PriorityInversions}),
     * depot stops made, driving, overtime.
     */
    public record Figures(Map<PlanningPriority, Integer> unassignedByPriority, int inversions, int depotStops,
            int routesUsed, double travelHours, double overtimeHours) {

        static Figures of(DispatchPlan plan, PriorityInversions inversions) {
            Map<PlanningPriority, Integer> unassigned = new EnumMap<>(PlanningPriority.class);
            for (PlanningPriority priority : PlanningPriority.values()) {
                unassigned.put(priority, 0);
            }
            plan.getUnassignedCustomerVisits().forEach(visit -> unassigned.merge(visit.getPriority(), 1, Integer::sum));
            int depotStops = 0;
            int used = 0;
            long travel = 0;
            long overtime = 0;
            for (TechnicianRoute route : plan.getRoutes()) {
                if (route.isEmpty()) {
                    continue;
                }
                used++;
                overtime += route.getOvertime();
                for (PlannedVisit visit : route.getVisits()) {
                    travel += visit.getTravelTimeAttributed();
                    depotStops += visit.isCustomer() ? 0 : 1;
                }
            }
            return new Figures(unassigned, inversions.find(plan).size(), depotStops, used, travel / 3600.0,
                    overtime / 3600.0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "unassigned by priority %s, %d priority inversions, %d depot stops, "
                    + "%d routes used, driving %.1f h, overtime %.1f h", unassignedByPriority, inversions, depotStops,
                    routesUsed, travelHours, overtimeHours);
        }
    }

    /** The production configuration, or {@code bench.solver-config} for tuning experiments, as BenchmarkRunner. */
    static SolverConfig solverConfig() {
        String override = System.getProperty("bench.solver-config", "");
        return override.isBlank() ? SolverConfig.createFromXmlResource(BenchmarkRunner.SOLVER_CONFIG)
                : SolverConfig.createFromXmlFile(Path.of(override).toFile());
    }

    // ---- Proposal ----

    /** {@code checkpointPlan}: the best plan known at the checkpoint, null when there was none. */
    record Proposal(DispatchPlan solved, DispatchPlan checkpointPlan, List<Point> points, Double firstFeasibleSeconds,
            Double constructionSeconds, double seconds, long movesPerSecond) {

        /** The best solution known at {@code seconds}: the last one reported by then. */
        Point at(long seconds) {
            Point found = null;
            for (Point point : points) {
                if (point.initialized() && point.seconds() <= seconds) {
                    found = point;
                }
            }
            return found;
        }

        Point end() {
            return new Point(seconds, solved.getScore(), solved.getUnassignedCustomerVisits().size(),
                    constructionSeconds != null);
        }
    }

    static Proposal propose(SolverManager<DispatchPlan, String> manager, DispatchPlan plan, Options options) {
        List<Point> points = Collections.synchronizedList(new ArrayList<>());
        AtomicLong constructedNanos = new AtomicLong(-1);
        AtomicLong firstFeasibleNanos = new AtomicLong(-1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<DispatchPlan> atCheckpoint = new AtomicReference<>();
        long checkpointNanos = Duration.ofSeconds(options.checkpointSeconds()).toNanos();
        long start = System.nanoTime();
        SolverJob<DispatchPlan, String> job = manager.solveBuilder()
                .withProblemId("proposal")
                .withProblem(plan)
                .withConfigOverride(new SolverConfigOverride<DispatchPlan>().withTerminationConfig(
                        new TerminationConfig().withSpentLimit(Duration.ofSeconds(options.proposalSeconds()))))
                .withFirstInitializedSolutionEventConsumer(event -> {
                    long now = System.nanoTime() - start;
                    // Cut short by the solve's time limit, construction leaves visits it never looked at. The
                    // leftover pass after the regret insertion may also stop at its own limit, well before the
                    // solve's: every visit has been looked at by then.
                    boolean complete = !event.isTerminatedEarly()
                            || now < Duration.ofSeconds(options.proposalSeconds()).minusSeconds(1).toNanos();
                    if (complete) {
                        constructedNanos.compareAndSet(-1, now);
                    }
                    record(points, firstFeasibleNanos, now, event.solution(), complete);
                    if (complete && now <= checkpointNanos) {
                        atCheckpoint.set(event.solution());
                    }
                })
                .withBestSolutionEventConsumer(event -> {
                    long now = System.nanoTime() - start;
                    boolean initialized = constructedNanos.get() >= 0 || isLocalSearch(event.producerId());
                    record(points, firstFeasibleNanos, now, event.solution(), initialized);
                    if (initialized && now <= checkpointNanos) {
                        atCheckpoint.set(event.solution());
                    }
                })
                .withExceptionHandler((id, error) -> failure.set(error))
                .run();
        DispatchPlan solved = finalBest(job, failure);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (firstFeasibleNanos.get() < 0 && constructedNanos.get() >= 0 && solved.getScore().hardScore() == 0) {
            firstFeasibleNanos.set(System.nanoTime() - start);
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        return new Proposal(solved, atCheckpoint.get(), sorted, seconds(firstFeasibleNanos.get()), seconds(constructedNanos.get()),
                seconds, job.getMoveEvaluationSpeed());
    }

    private static void record(List<Point> points, AtomicLong firstFeasibleNanos, long nanos, DispatchPlan solution,
            boolean initialized) {
        HardMediumSoftLongScore score = solution.getScore();
        points.add(new Point(nanos / 1e9, score, solution.getUnassignedCustomerVisits().size(), initialized));
        if (initialized && score != null && score.hardScore() == 0) {
            firstFeasibleNanos.accumulateAndGet(nanos, (old, now) -> old < 0 ? now : Math.min(old, now));
        }
    }

    private static boolean isLocalSearch(EventProducerId producer) {
        return producer.simpleProducerName().toLowerCase(Locale.ROOT).contains("local search");
    }

    private static Double seconds(long nanos) {
        return nanos < 0 ? null : nanos / 1e9;
    }

    private static DispatchPlan finalBest(SolverJob<DispatchPlan, String> job, AtomicReference<Throwable> failure) {
        try {
            DispatchPlan solved = job.getFinalBestSolution();
            if (failure.get() != null) {
                throw new IllegalStateException("The solve failed.", failure.get());
            }
            return solved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while solving.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The solve failed.", e.getCause());
        }
    }

    // ---- Live day ----

    /**
     * The proposal's best plan as a live day at {@code now} (seconds since midnight), built the way the application
     * rebuilds a running day: what started before {@code now} is the pinned head of its route (customer visits with
     * any-time windows, as started visits; depot stops already made stay too), the other visits keep their place
     * after it with windows clipped to start at {@code now} (a visit whose windows all ended is dropped), visits the
     * proposal left unassigned are offered again.
     */
    static DispatchPlan livePlan(RegionDayGenerator generator, DispatchPlan solved, long now) {
        RegionDay fresh = generator.generate();
        Map<String, PlannedVisit> byId = new HashMap<>();
        fresh.visits().forEach(visit -> byId.put(visit.getId(), visit));
        Map<String, List<PlannedVisit>> heads = new HashMap<>();
        Map<String, List<PlannedVisit>> tails = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<PlannedVisit> visits = new ArrayList<>();
        for (TechnicianRoute route : solved.getRoutes()) {
            List<PlannedVisit> head = heads.computeIfAbsent(route.getId(), r -> new ArrayList<>());
            List<PlannedVisit> tail = tails.computeIfAbsent(route.getId(), r -> new ArrayList<>());
            for (PlannedVisit placed : route.getVisits()) {
                PlannedVisit visit = byId.get(placed.getId());
                seen.add(visit.getId());
                if (tail.isEmpty() && placed.getSchedule().serviceStart() < now) {
                    PlannedVisit started = visit.isCustomer() ? visit.withWindows(List.of(TimeWindow.ANY_TIME)) : visit;
                    head.add(started);
                    visits.add(started);
                } else {
                    PlannedVisit open = clipped(visit, now);
                    if (open != null) {
                        tail.add(open);
                        visits.add(open);
                    }
                }
            }
        }
        for (PlannedVisit visit : fresh.visits()) {
            if (!seen.contains(visit.getId())) {
                PlannedVisit open = clipped(visit, now);
                if (open != null) {
                    visits.add(open);
                }
            }
        }
        DispatchPlan live = new DispatchPlan(fresh.technicians(), fresh.routes(), visits, new StraightLineTravelTime());
        for (TechnicianRoute route : live.getRoutes()) {
            route.pinVisits(heads.getOrDefault(route.getId(), List.of()));
            route.getVisits().addAll(tails.getOrDefault(route.getId(), List.of()));
        }
        return live;
    }

    /** Windows cut to start at {@code now}; null when every window has ended. Depot stops are always open. */
    static PlannedVisit clipped(PlannedVisit visit, long now) {
        if (!visit.isCustomer()) {
            return visit;
        }
        List<TimeWindow> windows = new ArrayList<>();
        for (TimeWindow window : visit.getWindows()) {
            if (window.end() >= now) {
                windows.add(new TimeWindow(Math.max(window.start(), now), window.end()));
            }
        }
        if (windows.isEmpty()) {
            return null;
        }
        return windows.equals(visit.getWindows()) ? visit : visit.withWindows(windows);
    }

    record Live(int pinned, int customers, HardMediumSoftLongScore startScore, List<Urgent> urgent) {
    }

    /** What the live solve's best-solution consumer is waiting for: one urgent visit, assigned and feasible. */
    private record Waiting(String visitId, long submittedNanos, CompletableFuture<Urgent> placed, long windowStart,
            double submittedAt) {
    }

    static Live liveDay(SolverManager<DispatchPlan, String> manager, RegionDayGenerator generator, DispatchPlan live,
            Options options) {
        int pinned = live.getRoutes().stream().mapToInt(TechnicianRoute::getPinnedVisitCount).sum();
        int customers = (int) live.getVisits().stream().filter(PlannedVisit::isCustomer).count();
        AtomicReference<Waiting> waiting = new AtomicReference<>();
        AtomicReference<DispatchPlan> latest = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture<HardMediumSoftLongScore> started = new CompletableFuture<>();
        long liveStart = System.nanoTime();
        SolverJob<DispatchPlan, String> job = manager.solveBuilder()
                .withProblemId("live")
                .withProblem(live)
                .withConfigOverride(new SolverConfigOverride<DispatchPlan>().withTerminationConfig(
                        new TerminationConfig().withSpentLimit(Duration.ofHours(24))))
                .withFirstInitializedSolutionEventConsumer(event -> started.complete(event.solution().getScore()))
                .withBestSolutionEventConsumer(event -> {
                    long now = System.nanoTime();
                    DispatchPlan solution = event.solution();
                    latest.set(solution);
                    Waiting current = waiting.get();
                    if (VERBOSE && current != null) {
                        PlannedVisit urgent = solution.visitOf(current.visitId());
                        System.out.printf(Locale.ROOT, "[bench]     +%.2f s %s: %s, %s%n",
                                (now - current.submittedNanos()) / 1e9, event.producerId().simpleProducerName(),
                                solution.getScore(), urgent == null ? "not in the plan yet"
                                        : urgent.getRoute() == null ? "unassigned" : "on " + urgent.getRoute());
                    }
                    if (current == null || solution.getScore() == null || solution.getScore().hardScore() != 0) {
                        return;
                    }
                    PlannedVisit urgent = solution.visitOf(current.visitId());
                    if (urgent != null && urgent.getRoute() != null) {
                        current.placed().complete(new Urgent(current.visitId(), current.windowStart(),
                                current.submittedAt(), (now - current.submittedNanos()) / 1e9, null,
                                urgent.getRoute().getId(), urgent.getSchedule().serviceStart(), solution.getScore(),
                                solution.getUnassignedCustomerVisits().size()));
                    }
                })
                .withExceptionHandler((id, error) -> failure.set(error))
                .run();
        List<Urgent> results = new ArrayList<>();
        HardMediumSoftLongScore startScore;
        try {
            startScore = started.get(300, TimeUnit.SECONDS);
            sleep(options.liveWarmupSeconds());
            for (int k = 0; k < options.urgentCount(); k++) {
                PlannedVisit urgent = generator.urgentVisit(k, options.liveAt());
                CompletableFuture<Urgent> placed = new CompletableFuture<>();
                long submitted = System.nanoTime();
                waiting.set(new Waiting(urgent.getId(), submitted, placed, urgent.getWindows().get(0).start(),
                        (submitted - liveStart) / 1e9));
                CompletableFuture<Void> processed = manager.addProblemChange("live", PlanChanges.addVisit(urgent));
                AtomicLong processedNanos = new AtomicLong(-1);
                processed.whenComplete((ignored, error) -> processedNanos.set(System.nanoTime() - submitted));
                Urgent result;
                try {
                    result = placed.get((long) (options.urgentTimeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    DispatchPlan last = latest.get();
                    PlannedVisit seen = last.visitOf(urgent.getId());
                    result = new Urgent(urgent.getId(), urgent.getWindows().get(0).start(),
                            (submitted - liveStart) / 1e9, null, null,
                            seen == null || seen.getRoute() == null ? null : seen.getRoute().getId(), null,
                            last.getScore(), last.getUnassignedCustomerVisits().size());
                }
                waiting.set(null);
                if (processed.isCompletedExceptionally()) {
                    try {
                        processed.join();
                    } catch (java.util.concurrent.CompletionException e) {
                        throw new IllegalStateException("The problem change adding (%s) failed."
                                .formatted(urgent.getId()), e.getCause());
                    }
                }
                result = withProcessed(result, processedNanos.get());
                results.add(result);
                System.out.println("[bench] region-day: " + describe(result));
                if (failure.get() != null) {
                    throw new IllegalStateException("The live solve failed.", failure.get());
                }
                if (k + 1 < options.urgentCount()) {
                    sleep(options.urgentGapSeconds());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the live solve.", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The live solve did not start.", failure.get() != null ? failure.get() : e);
        } finally {
            manager.terminateEarly("live");
        }
        finalBest(job, failure);
        return new Live(pinned, customers, startScore, results);
    }

    private static Urgent withProcessed(Urgent urgent, long processedNanos) {
        return new Urgent(urgent.id(), urgent.windowStart(), urgent.submittedAt(), urgent.seconds(),
                seconds(processedNanos), urgent.route(), urgent.serviceStart(), urgent.score(), urgent.unassigned());
    }

    private static void sleep(double seconds) throws InterruptedException {
        Thread.sleep((long) (seconds * 1000));
    }

    // ---- Output ----

    /** The machine's one-minute load average (other processes included), -1 where unknown. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The most heap in use (live objects and garbage not yet collected), sampled every 50 ms since the class loaded. */
    private static final java.util.concurrent.atomic.AtomicLong PEAK_HEAP = new java.util.concurrent.atomic.AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
            while (true) {
                PEAK_HEAP.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The most heap in use during the run, in MB (as sampled: a peak between two samples can be missed). */
    static long peakHeapMegabytes() {
        PEAK_HEAP.accumulateAndGet(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
                .getUsed(), Math::max);
        return PEAK_HEAP.get() >> 20;
    }

    static void write(Options options, Result result, List<Point> points, double loadBefore, double loadAfter) {
        List<String> lines = new ArrayList<>();
        lines.add("metric,value");
        lines.add("processors," + Runtime.getRuntime().availableProcessors());
        lines.add("max_heap_mb," + (Runtime.getRuntime().maxMemory() >> 20));
        lines.add("peak_heap_mb," + peakHeapMegabytes());
        lines.add("load_average_start," + format(loadBefore));
        lines.add("load_average_end," + format(loadAfter));
        Load load = result.load();
        lines.add("technicians," + load.technicians());
        lines.add("customer_visits," + load.customerVisits());
        lines.add("seed," + options.seed());
        lines.add("service_hours," + format(load.serviceHours()));
        lines.add("net_shift_hours," + format(load.netShiftHours()));
        lines.add("utilisation_pct," + format(100 * load.utilisation()));
        lines.add("proposal_seconds," + format(result.proposalSeconds()));
        lines.add("construction_s," + format(result.constructionSeconds()));
        lines.add("first_feasible_s," + format(result.firstFeasibleSeconds()));
        addPoint(lines, "at_" + options.checkpointSeconds() + "s", result.atCheckpoint());
        addFigures(lines, "at_" + options.checkpointSeconds() + "s", result.checkpointFigures());
        addPoint(lines, "at_end", result.atEnd());
        addFigures(lines, "at_end", result.endFigures());
        lines.add("at_end_depot_stops," + result.endFigures().depotStops());
        lines.add("at_end_routes_used," + result.endFigures().routesUsed());
        lines.add("at_end_driving_hours," + format(result.endFigures().travelHours()));
        lines.add("at_end_overtime_hours," + format(result.endFigures().overtimeHours()));
        lines.add("moves_per_s," + result.movesPerSecond());
        lines.add("live_at," + LocalTime.ofSecondOfDay(options.liveAt()));
        lines.add("live_pinned_visits," + result.pinnedInLive());
        lines.add("live_customer_visits," + result.liveCustomerVisits());
        lines.add("live_start_score," + result.liveStartScore());
        for (Urgent urgent : result.urgent()) {
            String key = urgent.id().toLowerCase(Locale.ROOT).replace('-', '_');
            lines.add(key + "_s," + format(urgent.seconds()));
            lines.add(key + "_change_processed_s," + format(urgent.processedSeconds()));
            lines.add(key + "_route," + (urgent.route() == null ? "" : urgent.route()));
            lines.add(key + "_service_start," + (urgent.serviceStart() == null ? ""
                    : LocalTime.ofSecondOfDay(urgent.serviceStart())));
        }
        lines.add("urgent_placed," + result.urgentSeconds().size() + "/" + result.urgent().size());
        lines.add("urgent_median_s," + result.urgentMedian(options.urgentTimeoutSeconds()));
        lines.add("urgent_max_s," + result.urgentMax(options.urgentTimeoutSeconds()));
        List<String> progress = new ArrayList<>();
        progress.add("seconds,initialized,hard,medium,soft,unassigned");
        for (Point point : points) {
            progress.add(String.join(",", format(point.seconds()), String.valueOf(point.initialized()),
                    String.valueOf(point.score().hardScore()), String.valueOf(point.score().mediumScore()),
                    String.valueOf(point.score().softScore()), String.valueOf(point.unassigned())));
        }
        try {
            Files.createDirectories(options.outDir());
            Files.write(result.csv(), lines, StandardCharsets.UTF_8);
            Files.write(options.outDir().resolve(SUITE + "-progress.csv"), progress, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addFigures(List<String> lines, String prefix, Figures figures) {
        for (PlanningPriority priority : PlanningPriority.values()) {
            lines.add(prefix + "_unassigned_" + priority.name().toLowerCase(Locale.ROOT) + ","
                    + (figures == null ? "" : figures.unassignedByPriority().get(priority)));
        }
        lines.add(prefix + "_priority_inversions," + (figures == null ? "" : figures.inversions()));
    }

    private static void addPoint(List<String> lines, String prefix, Point point) {
        lines.add(prefix + "_score," + (point == null ? "" : point.score()));
        lines.add(prefix + "_unassigned," + (point == null ? "" : point.unassigned()));
    }

    static String summary(Options options, Result result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "[bench] region-day %dx%d (seed %d), %d s proposal:%n",
                result.load().customerVisits(), result.load().technicians(), options.seed(),
                options.proposalSeconds()));
        text.append(String.format(Locale.ROOT, "[bench]   construction %s s, first feasible %s s, %d moves/s, peak heap "
                + "%d MB of %d%n", format(result.constructionSeconds()), format(result.firstFeasibleSeconds()),
                result.movesPerSecond(), peakHeapMegabytes(), Runtime.getRuntime().maxMemory() >> 20));
        text.append(String.format(Locale.ROOT, "[bench]   at %d s: %s%n", options.checkpointSeconds(),
                describe(result.atCheckpoint())));
        if (result.checkpointFigures() != null) {
            text.append(String.format(Locale.ROOT, "[bench]     %s%n", result.checkpointFigures()));
        }
        text.append(String.format(Locale.ROOT, "[bench]   at end (%s s): %s%n[bench]     %s%n",
                format(result.proposalSeconds()), describe(result.atEnd()), result.endFigures()));
        text.append(String.format(Locale.ROOT,
                "[bench]   live at %s: %d pinned, %d customer visits; urgent P1 feasible and assigned in %d/%d, "
                        + "median %s s, max %s s -> %s",
                LocalTime.ofSecondOfDay(options.liveAt()), result.pinnedInLive(), result.liveCustomerVisits(),
                result.urgentSeconds().size(), result.urgent().size(),
                result.urgentMedian(options.urgentTimeoutSeconds()), result.urgentMax(options.urgentTimeoutSeconds()),
                result.csv()));
        return text.toString();
    }

    private static String describe(Point point) {
        return point == null ? "no initialized best solution"
                : point.score() + ", " + point.unassigned() + " unassigned"
                        + (point.initialized() ? "" : " (construction cut short by the time limit)");
    }

    private static String describe(Urgent urgent) {
        return urgent.seconds() == null
                ? "%s not placed feasibly within the timeout; last best solution %s with it %s".formatted(urgent.id(),
                        urgent.score(), urgent.route() == null ? "unassigned" : "on " + urgent.route())
                : String.format(Locale.ROOT,
                        "%s (window from %s) feasible and assigned after %s s (change applied after %s s) on %s at "
                                + "%s; %s, %d unassigned",
                        urgent.id(), LocalTime.ofSecondOfDay(urgent.windowStart()), format(urgent.seconds()),
                        format(urgent.processedSeconds()), urgent.route(),
                        LocalTime.ofSecondOfDay(urgent.serviceStart()), urgent.score(), urgent.unassigned());
    }

    private static String format(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }
}
