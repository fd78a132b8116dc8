package org.tehai.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import org.tehai.bench.BenchProblem.Suite;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.SolverPortfolio;
import org.tehai.planning.TechnicianRoute;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

/**
 * Solves public benchmark instances with the production model, constraints and solver configuration (only
 * the termination is replaced by the per-instance budget), re-checks every result with {@link RouteChecker}
 * and writes {@code <out>/<suite>.csv}. On Solomon, the jsprit peer (when on the classpath) solves the same
 * instance under the same budget.
 *
 * <p>Gaps are measured the way the best-known list measures: the distance-only Solomon list counts every leg
 * truncated to one decimal, so a Solomon route set's {@code gap_pct} is of its distance counted so
 * ({@code listed_objective}); {@code objective} and {@code real_gap_pct} are of the unrounded distance, which the
 * checker validates (an optimal tour reads 0.2-0.6% "worse" that way: C101's 828.94 against the listed 827.3).
 *
 * <p>System properties: {@code bench.suite} (solomon|trsp), {@code bench.instances} (comma list of names or
 * unique prefixes, or {@code all}), {@code bench.seconds}, {@code bench.dir}, {@code bench.out},
 * {@code bench.portfolio} (default 1: one solver; N: a {@link SolverPortfolio} of N solvers with seeds 0..N-1 on
 * N threads, the best kept, as a proposal with {@code tehai.dispatch.portfolio=N} solves).
 */
public final class BenchmarkRunner {

    public static final String SOLVER_CONFIG = "solver-config/solver-config.xml";
    public static final String HEADER = "instance,feasible,all_served,vehicles,objective,best_known,gap_pct,seconds,"
            + "first_feasible_s,moves_per_s,portfolio";
    public static final String SOLOMON_HEADER = ",listed_objective,real_gap_pct";
    public static final String PEER_HEADER = ",peer_objective,peer_gap_pct";

    public record Options(Suite suite, List<String> instances, long seconds, Path benchDir, Path outDir,
            int portfolio) {

        public Options(Suite suite, List<String> instances, long seconds, Path benchDir, Path outDir) {
            this(suite, instances, seconds, benchDir, outDir, 1);
        }

        public Options {
            if (portfolio < 1) {
                throw new IllegalArgumentException("bench.portfolio is at least 1, not " + portfolio + ".");
            }
        }
    }

    /**
     * One instance's result; {@code objective} unrounded, {@code listedObjective} measured as the best-known list
     * measures (see the class comment), the same for the peer.
     */
    public record Row(String instance, RouteChecker.Result check, double objective, double listedObjective,
            Double bestKnown, double seconds, Double firstFeasibleSeconds, long movesPerSecond, Double peerObjective,
            Double peerListedObjective, boolean peerRan, int portfolio) {

        /** Against the best known, both measured alike. */
        Double gapPct() {
            return gap(listedObjective, bestKnown);
        }

        /** The unrounded objective against the best known. */
        Double realGapPct() {
            return gap(objective, bestKnown);
        }

        Double peerGapPct() {
            return peerListedObjective == null ? null : gap(peerListedObjective, bestKnown);
        }

        private static Double gap(double value, Double best) {
            return best == null || best == 0 ? null : 100.0 * (value - best) / best;
        }
    }

    private BenchmarkRunner() {
    }

    public static void main(String[] args) {
        if (RegionDayBenchmark.SUITE.equalsIgnoreCase(System.getProperty("bench.suite", "").strip())) {
            RegionDayBenchmark.main(args);
            return;
        }
        Options options = new Options(
                Suite.valueOf(System.getProperty("bench.suite", "solomon").toUpperCase(Locale.ROOT)),
                List.of(System.getProperty("bench.instances", "all").split(",")),
                Long.parseLong(System.getProperty("bench.seconds", "30")),
                Path.of(System.getProperty("bench.dir", "../shared/bench")),
                Path.of(System.getProperty("bench.out", "target/bench")),
                Integer.parseInt(System.getProperty("bench.portfolio", "1").strip()));
        run(options);
    }

    public static List<Row> run(Options options) {
        List<Path> files = resolveInstances(options);
        Map<String, Double> bestKnown = readBestKnown(options);
        PeerSolver peer = options.suite() == Suite.SOLOMON ? loadPeer() : null;
        List<Row> rows = new ArrayList<>();
        Path csv = options.outDir().resolve(options.suite().name().toLowerCase(Locale.ROOT) + ".csv");
        try {
            Files.createDirectories(options.outDir());
            boolean withPeer = options.suite() == Suite.SOLOMON;
            List<String> lines = new ArrayList<>();
            lines.add(HEADER + (withPeer ? SOLOMON_HEADER + PEER_HEADER : ""));
            for (Path file : files) {
                BenchProblem problem = BenchImporter.read(options.suite(), file);
                Row row = solve(problem, options.seconds(), bestKnown.get(problem.name()), peer, options.portfolio());
                rows.add(row);
                lines.add(csvLine(row, withPeer));
                Files.write(csv, lines, StandardCharsets.UTF_8);
                System.out.println("[bench] " + lines.get(lines.size() - 1)
                        + (row.check().violations().isEmpty() ? "" : "  violations: " + row.check().violations()));
            }
            Files.write(csv, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(summary(options, rows, csv));
        return rows;
    }

    static Row solve(BenchProblem problem, long seconds, Double bestKnown, PeerSolver peer, int portfolio) {
        DispatchPlan plan = problem.toPlan();
        // bench.solver-config names an alternative file, for tuning experiments; by default the production one.
        String override = System.getProperty("bench.solver-config", "");
        SolverConfig config = (override.isBlank() ? SolverConfig.createFromXmlResource(SOLVER_CONFIG)
                : SolverConfig.createFromXmlFile(Path.of(override).toFile()))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(Duration.ofSeconds(seconds)));
        AtomicLong firstFeasibleNanos = new AtomicLong(-1);
        long startNanos = System.nanoTime();
        DispatchPlan solved;
        long movesPerSecond;
        if (portfolio == 1) {
            Solver<DispatchPlan> solver = SolverFactory.<DispatchPlan> create(config).buildSolver();
            solver.addEventListener(event -> {
                HardMediumSoftLongScore score = (HardMediumSoftLongScore) event.getNewBestScore();
                if (firstFeasibleNanos.get() < 0 && score.isFeasible() && score.mediumScore() == 0) {
                    firstFeasibleNanos.set(System.nanoTime() - startNanos);
                }
            });
            solved = solver.solve(plan);
            movesPerSecond = moveEvaluationSpeed(solver);
        } else {
            // Each member its own copy of the instance; the listener hears the best of all members.
            SolverPortfolio<DispatchPlan> members = new SolverPortfolio<>(config, portfolio);
            solved = members.solve(index -> index == 0 ? plan : problem.toPlan(), best -> {
                HardMediumSoftLongScore score = best.getScore();
                if (firstFeasibleNanos.get() < 0 && score.isFeasible() && score.mediumScore() == 0) {
                    firstFeasibleNanos.set(System.nanoTime() - startNanos);
                }
            }).solution();
            // All members together: what the machine evaluated.
            movesPerSecond = members.solvers().stream().mapToLong(BenchmarkRunner::moveEvaluationSpeed).sum();
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        var score = solved.getScore();
        if (firstFeasibleNanos.get() < 0 && score.isFeasible() && score.mediumScore() == 0) {
            // Feasible straight from the construction heuristic's first best solution.
            firstFeasibleNanos.set(System.nanoTime() - startNanos);
        }
        RouteChecker.Result check = RouteChecker.check(problem, routesOf(problem, solved));
        Double peerObjective = null;
        Double peerListedObjective = null;
        if (peer != null) {
            RouteChecker.Result peerCheck = RouteChecker.check(problem, peer.solve(problem, Duration.ofSeconds(seconds)));
            // An infeasible or incomplete peer result has no comparable objective.
            if (peerCheck.feasible() && peerCheck.allServed()) {
                peerObjective = peerCheck.objective(problem.suite());
                peerListedObjective = peerCheck.listedObjective(problem.suite());
            }
        }
        return new Row(problem.name(), check, check.objective(problem.suite()), check.listedObjective(problem.suite()),
                bestKnown, elapsed, firstFeasibleNanos.get() < 0 ? null : firstFeasibleNanos.get() / 1e9,
                movesPerSecond, peerObjective, peerListedObjective, peer != null, portfolio);
    }

    private static long moveEvaluationSpeed(Solver<DispatchPlan> solver) {
        return solver instanceof DefaultSolver<?> defaultSolver ? defaultSolver.getMoveEvaluationSpeed() : -1;
    }

    /** The solved routes as stop ids per crew (crew order = route order in the plan); 0 is a depot stop. */
    static List<List<Integer>> routesOf(BenchProblem problem, DispatchPlan solved) {
        Map<String, TechnicianRoute> byId = new HashMap<>();
        solved.getRoutes().forEach(route -> byId.put(route.getId(), route));
        List<List<Integer>> routes = new ArrayList<>();
        for (BenchProblem.Crew crew : problem.crews()) {
            TechnicianRoute route = byId.get("R" + crew.id());
            List<Integer> stops = new ArrayList<>();
            for (PlannedVisit visit : route.getVisits()) {
                stops.add(BenchProblem.isDepotStopId(visit.getId()) ? 0 : BenchProblem.customerIdOf(visit.getId()));
            }
            routes.add(stops);
        }
        return routes;
    }

    static List<Path> resolveInstances(Options options) {
        Path dir = options.benchDir().resolve(options.suite().name().toLowerCase(Locale.ROOT));
        List<Path> all;
        try (Stream<Path> listing = Files.list(dir)) {
            all = listing.filter(path -> path.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the instances in (%s).".formatted(dir), e);
        }
        if (options.instances().size() == 1 && options.instances().get(0).strip().equalsIgnoreCase("all")) {
            return all;
        }
        List<Path> chosen = new ArrayList<>();
        for (String wanted : options.instances()) {
            String name = wanted.strip();
            List<Path> exact = all.stream().filter(path -> baseName(path).equalsIgnoreCase(name)).toList();
            List<Path> matches = !exact.isEmpty() ? exact
                    : all.stream().filter(path -> baseName(path).toUpperCase(Locale.ROOT)
                            .startsWith(name.toUpperCase(Locale.ROOT) + ".")).toList();
            if (matches.size() != 1) {
                throw new IllegalArgumentException("The instance (%s) matches %s in (%s); use a full or unique name."
                        .formatted(name, matches.stream().map(BenchmarkRunner::baseName).toList(), dir));
            }
            chosen.add(matches.get(0));
        }
        return chosen;
    }

    private static String baseName(Path path) {
        return path.getFileName().toString().replaceFirst("\\.txt$", "");
    }

    static Map<String, Double> readBestKnown(Options options) {
        Path file = options.benchDir().resolve(options.suite() == Suite.SOLOMON ? "solomon-bks-distance-only.csv"
                : "trsp-pillac-results.csv");
        String column = options.suite() == Suite.SOLOMON ? "distance" : "working_time";
        Map<String, Double> best = new HashMap<>();
        if (!Files.exists(file)) {
            return best;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            int nameColumn = header.indexOf("instance");
            int valueColumn = header.indexOf(column);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                if (cells.length > Math.max(nameColumn, valueColumn)) {
                    best.put(cells[nameColumn].strip(), Double.parseDouble(cells[valueColumn].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return best;
    }

    static PeerSolver loadPeer() {
        try {
            return (PeerSolver) Class.forName(PeerSolver.PEER_CLASS).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The peer (%s) cannot be created.".formatted(PeerSolver.PEER_CLASS), e);
        }
    }

    static String csvLine(Row row, boolean withPeer) {
        String line = String.join(",", row.instance(), String.valueOf(row.check().feasible()),
                String.valueOf(row.check().allServed()), String.valueOf(row.check().vehicles()),
                format(row.objective()), format(row.bestKnown()), format(row.gapPct()), format(row.seconds()),
                format(row.firstFeasibleSeconds()), String.valueOf(row.movesPerSecond()),
                String.valueOf(row.portfolio()));
        if (withPeer) {
            line += "," + format(row.listedObjective()) + "," + format(row.realGapPct()) + ","
                    + format(row.peerObjective()) + "," + format(row.peerGapPct());
        }
        return line;
    }

    private static String format(Double value) {
        // A value that rounds to zero prints as 0.00, not -0.00.
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", Math.abs(value) < 0.005 ? 0.0 : value);
    }

    static String summary(Options options, List<Row> rows, Path csv) {
        long feasible = rows.stream().filter(row -> row.check().feasible()).count();
        long allServed = rows.stream().filter(row -> row.check().allServed()).count();
        String text = String.format(Locale.ROOT,
                "[bench] %s: %d instances, %d feasible, %d all served, average gap %.2f%% at %d s each, "
                        + "portfolio %d -> %s",
                options.suite().name().toLowerCase(Locale.ROOT), rows.size(), feasible, allServed,
                average(gaps(rows, Row::gapPct)), options.seconds(), options.portfolio(), csv);
        if (options.suite() == Suite.SOLOMON) {
            text += String.format(Locale.ROOT, "; unrounded distances %.2f%%", average(gaps(rows, Row::realGapPct)));
        }
        List<Double> peerGaps = gaps(rows, Row::peerGapPct);
        if (!peerGaps.isEmpty()) {
            text += String.format(Locale.ROOT, "; jsprit average gap %.2f%% over %d instances", average(peerGaps),
                    peerGaps.size());
        }
        return text;
    }

    /** The gaps the rows have (an instance without a best known or a comparable result has none). */
    private static List<Double> gaps(List<Row> rows, Function<Row, Double> gap) {
        return rows.stream().map(gap).filter(Objects::nonNull).toList();
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
