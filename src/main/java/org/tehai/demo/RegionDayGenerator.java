package org.tehai.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.tehai.planning.BreakRule;
import org.tehai.planning.DispatchPlan;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningPriority;
import org.tehai.planning.PlanningTechnician;
import org.tehai.planning.StraightLineTravelTime;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;

/**
 * One generated region-day for the dispatch benchmark, always the same for the same size and seed: technicians
 * with homes spread over a 25 km × 25 km city area (centred on western Tokyo; for more than 1,000 visits the side
 * grows with the square root of the visits, so the density stays that of the 1,000-visit day), 08:00-17:00 shifts
 * with 60 minutes
 * of allowed overtime and a 45 or 60 minute break between 11:30 and 14:00, skills, tools and van stock like the demo
 * region; customer visits clustered around neighbourhoods, with the demo's trouble codes (30-120 minutes, mostly
 * short jobs), availability windows of 2-4 hours or all day, mostly P3/P4; one optional depot stop per technician
 * at the nearest depot: the demo's two, and one more per further 100 technicians beyond 200 (10 for 1,000), placed
 * at random in the area. Times are seconds since local midnight; travel is {@link StraightLineTravelTime},
 * as in the application.
 *
 * <p>Every call builds fresh objects, so a plan can be generated again and rearranged (the live part of the
 * benchmark does this to pin what has already started). The same day, written as records, is the city-size demo
 * day ({@link CityDay}); the benchmark ({@code org.tehai.bench.RegionDayBenchmark}) solves it directly.
 */
public final class RegionDayGenerator {

    /** The seed of the dispatch benchmark's day, and of the city-size demo day. */
    public static final long BENCHMARK_SEED = 20261123L;

    public static final long MINUTE = 60;
    public static final long HOUR = 60 * MINUTE;
    public static final long SHIFT_START = 8 * HOUR;
    public static final long SHIFT_END = 17 * HOUR;
    public static final long ALLOWED_OVERTIME = HOUR;
    public static final long RESTOCK_TIME = 10 * MINUTE;

    /** Centre of the city area and its half side at 1,000 visits or fewer; neighbourhoods per 1,000 visits. */
    static final double CENTRE_LATITUDE = 35.680;
    static final double CENTRE_LONGITUDE = 139.650;
    static final double HALF_SIDE_METRES = 12_500;
    static final int NEIGHBOURHOODS = 40;

    static final List<Location> DEPOTS = List.of(new Location(35.7090, 139.6655), new Location(35.6460, 139.6710));

    static final List<String> TRADES = List.of("TV", "FIBER", "NETWORK", "PHONE", "PC", "BUILDING");
    /** Main trade of technicians beyond the first six, roughly in proportion to the work of each trade. */
    private static final Map<String, Integer> MAIN_TRADE_WEIGHTS = Map.of("TV", 28, "FIBER", 22, "NETWORK", 10,
            "PHONE", 12, "PC", 14, "BUILDING", 14);
    static final List<String> TOOLS = List.of("SIGNAL_METER", "OPTICAL_METER", "FUSION_SPLICER", "LADDER",
            "LINE_TESTER");
    static final List<String> PARTS = List.of("BOOSTER-AMP", "COAX-F", "DROP-50", "INTERCOM-PSU", "ONT-7", "PSU-12V",
            "ROUTER-AX", "SPLITTER-4", "SSD-1TB", "STB-4K");
    static final Set<String> BULKY_PARTS = Set.of("BOOSTER-AMP", "DROP-50", "INTERCOM-PSU", "SSD-1TB");

    /** A trouble code with the work it needs and its share of the day's visits (weights sum to 100). */
    record Trouble(String code, String skill, int level, Set<String> tools, String part, int minutes, int weight) {
    }

    static final List<Trouble> TROUBLES = List.of(
            new Trouble("TV/NO_SIGNAL", "TV", 1, Set.of("SIGNAL_METER"), null, 30, 12),
            new Trouble("TV/PIXELATION", "TV", 1, Set.of("SIGNAL_METER"), "COAX-F", 30, 8),
            new Trouble("TV/SETTOP_DEAD", "TV", 1, Set.of(), "STB-4K", 30, 10),
            new Trouble("TV/NEW_OUTLET", "TV", 1, Set.of("SIGNAL_METER"), "SPLITTER-4", 30, 4),
            new Trouble("TV/BOOSTER_FAULT", "BUILDING", 1, Set.of("SIGNAL_METER", "LADDER"), "BOOSTER-AMP", 90, 2),
            new Trouble("INTERNET/SLOW", "FIBER", 1, Set.of("OPTICAL_METER"), null, 30, 14),
            new Trouble("INTERNET/NO_SYNC", "FIBER", 2, Set.of("OPTICAL_METER"), "ONT-7", 45, 6),
            new Trouble("INTERNET/FIBER_CUT", "FIBER", 3, Set.of("FUSION_SPLICER", "LADDER"), "DROP-50", 120, 1),
            new Trouble("WIFI/WEAK", "NETWORK", 1, Set.of(), "ROUTER-AX", 30, 15),
            new Trouble("PHONE/NO_DIAL_TONE", "PHONE", 1, Set.of("LINE_TESTER"), null, 30, 11),
            new Trouble("PHONE/ADAPTER_DEAD", "PHONE", 1, Set.of(), "PSU-12V", 30, 4),
            new Trouble("PC/NO_BOOT", "PC", 2, Set.of(), "SSD-1TB", 90, 3),
            new Trouble("PC/SLOW", "PC", 1, Set.of(), null, 30, 6),
            new Trouble("INTERCOM/DEAD", "BUILDING", 2, Set.of("LADDER"), "INTERCOM-PSU", 45, 4));

    /** Troubles an urgent call may bring: level 1 and at most an hour. */
    static final List<Trouble> URGENT_TROUBLES = TROUBLES.stream().filter(t -> t.level() == 1 && t.minutes() <= 60)
            .toList();

    /**
     * The generated objects; fresh on every {@link #generate()}. {@code troubleCodes}: the trouble code each customer
     * visit was drawn from, by visit id.
     */
    public record RegionDay(List<PlanningTechnician> technicians, List<TechnicianRoute> routes,
            List<PlannedVisit> visits, Map<String, String> troubleCodes) {

        public DispatchPlan plan() {
            return new DispatchPlan(technicians, routes, visits, new StraightLineTravelTime());
        }
    }

    /** Figures that describe how loaded the day is. */
    public record Load(int technicians, int customerVisits, double serviceHours, double netShiftHours,
            double overtimeHours, Map<PlanningPriority, Integer> byPriority, Map<String, double[]> hoursByTrade,
            int allDayWindows) {

        /** Service time over shift time minus breaks (before any driving). */
        public double utilisation() {
            return serviceHours / netShiftHours;
        }

        public String describe() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "%d technicians, %d customer visits (%s), %d with all-day availability; service %.1f h "
                            + "against %.1f h of shift time net of breaks (%.0f%%, before driving), plus up to %.0f h "
                            + "of allowed overtime",
                    technicians, customerVisits, byPriority, allDayWindows, serviceHours, netShiftHours,
                    100 * utilisation(), overtimeHours));
            text.append("; per trade, service hours / hours of technicians with the trade:");
            hoursByTrade.forEach((trade, hours) -> text.append(String.format(Locale.ROOT, " %s %.0f/%.0f", trade,
                    hours[0], hours[1])));
            return text.toString();
        }
    }

    private final int technicianCount;
    private final int visitCount;
    private final long seed;
    private final double halfSideMetres;
    private final int neighbourhoodCount;

    public RegionDayGenerator(int technicianCount, int visitCount, long seed) {
        if (technicianCount < 1 || visitCount < 1) {
            throw new IllegalArgumentException("A region-day needs technicians (%d) and visits (%d)."
                    .formatted(technicianCount, visitCount));
        }
        this.technicianCount = technicianCount;
        this.visitCount = visitCount;
        this.seed = seed;
        this.halfSideMetres = HALF_SIDE_METRES * Math.max(1, Math.sqrt(visitCount / 1000.0));
        this.neighbourhoodCount = (int) Math.round(NEIGHBOURHOODS * Math.max(1, visitCount / 1000.0));
    }

    /** How many depots a day of this size has: the demo's two up to 200 technicians, one per 100 beyond. */
    public int depotCount() {
        return Math.max(DEPOTS.size(), technicianCount / 100);
    }

    /** Side of the square city area, in kilometres. */
    public double areaSideKm() {
        return 2 * halfSideMetres / 1000;
    }

    public RegionDay generate() {
        Random random = new Random(seed);
        List<Location> neighbourhoods = new ArrayList<>();
        for (int i = 0; i < neighbourhoodCount; i++) {
            neighbourhoods.add(inArea(random));
        }
        List<PlanningTechnician> technicians = new ArrayList<>();
        List<TechnicianRoute> routes = new ArrayList<>();
        List<PlannedVisit> visits = new ArrayList<>();
        for (int t = 0; t < technicianCount; t++) {
            PlanningTechnician technician = technician(t, random);
            technicians.add(technician);
            String routeId = String.format("R%03d", t + 1);
            long breakLength = random.nextDouble() < 0.7 ? 45 * MINUTE : 60 * MINUTE;
            routes.add(new TechnicianRoute(routeId, technician, SHIFT_START, SHIFT_END, ALLOWED_OVERTIME,
                    new BreakRule(breakLength, 11 * HOUR + 30 * MINUTE, 14 * HOUR)));
        }
        Map<String, String> troubleCodes = new HashMap<>();
        for (int v = 0; v < visitCount; v++) {
            visits.add(customerVisit(v, random, neighbourhoods, technicians, troubleCodes));
        }
        // Depots beyond the demo's two are drawn last, so a day with two depots is drawn as it always was.
        List<Location> depots = new ArrayList<>(DEPOTS);
        while (depots.size() < depotCount()) {
            depots.add(inArea(random));
        }
        for (TechnicianRoute route : routes) {
            visits.add(PlannedVisit.depotStop("D-" + route.getId(),
                    nearestDepot(route.getTechnician().getHome(), depots), RESTOCK_TIME));
        }
        return new RegionDay(technicians, routes, visits, troubleCodes);
    }

    private PlanningTechnician technician(int index, Random random) {
        Location home = inArea(random);
        String main = index < TRADES.size() ? TRADES.get(index) : weighted(MAIN_TRADE_WEIGHTS, random);
        Map<String, Integer> skills = new LinkedHashMap<>();
        skills.put(main, 1 + random.nextInt(3));
        String second = weighted(MAIN_TRADE_WEIGHTS, random);
        if (!second.equals(main) && random.nextDouble() < 0.8) {
            skills.put(second, 1 + random.nextInt(2));
        }
        String third = random.nextBoolean() ? "NETWORK" : "PHONE";
        if (!skills.containsKey(third) && random.nextDouble() < 0.4) {
            skills.put(third, 1);
        }
        if ((main.equals("FIBER") || main.equals("TV")) && !skills.containsKey("NETWORK")) {
            skills.put("NETWORK", 1);
        }
        // The van is packed for the technician's own trades: their tools and parts usually, others now and then.
        List<Trouble> own = TROUBLES.stream().filter(t -> skills.getOrDefault(t.skill(), 0) >= t.level()).toList();
        Set<String> tools = new TreeSet<>();
        for (String tool : TOOLS) {
            boolean needed = own.stream().anyMatch(t -> t.tools().contains(tool));
            if (random.nextDouble() < (needed ? 0.85 : 0.3)) {
                tools.add(tool);
            }
        }
        tools.add(main.equals("FIBER") ? "OPTICAL_METER" : main.equals("TV") ? "SIGNAL_METER" : "LADDER");
        Map<String, Integer> stock = new LinkedHashMap<>();
        for (String part : PARTS) {
            boolean needed = own.stream().anyMatch(t -> part.equals(t.part()));
            boolean bulky = BULKY_PARTS.contains(part);
            if (needed && random.nextDouble() < 0.9) {
                stock.put(part, bulky ? 2 + random.nextInt(2) : 3 + random.nextInt(3));
            } else if (!needed && random.nextDouble() < 0.3) {
                stock.put(part, 1 + random.nextInt(2));
            }
        }
        return new PlanningTechnician(String.format("T%03d", index + 1), home, skills, tools, stock);
    }

    private PlannedVisit customerVisit(int index, Random random, List<Location> neighbourhoods,
            List<PlanningTechnician> technicians, Map<String, String> troubleCodes) {
        Location location = random.nextDouble() < 0.8
                ? near(neighbourhoods.get(random.nextInt(neighbourhoods.size())), 1_000, random)
                : inArea(random);
        Trouble drawn = weighted(TROUBLES, random);
        while (!coverable(drawn, technicians)) {
            // A small team may lack a rare skill level: only jobs someone on the team can do.
            drawn = weighted(TROUBLES, random);
        }
        Trouble trouble = drawn;
        long minutes = Math.min(120, trouble.minutes() + (random.nextDouble() < 0.05 ? 15 : 0));
        double p = random.nextDouble();
        PlanningPriority priority = p < 0.04 ? PlanningPriority.P1
                : p < 0.16 ? PlanningPriority.P2
                : p < 0.70 ? PlanningPriority.P3
                : PlanningPriority.P4;
        List<TimeWindow> windows;
        double w = random.nextDouble();
        if (priority == PlanningPriority.P1 || w < 0.30) {
            windows = List.of(new TimeWindow(SHIFT_START, SHIFT_END));
        } else if (w < 0.95) {
            long length = (2 + random.nextInt(3)) * HOUR;
            long slots = (SHIFT_END - length - SHIFT_START) / (30 * MINUTE);
            long start = SHIFT_START + random.nextInt((int) slots + 1) * 30 * MINUTE;
            windows = List.of(new TimeWindow(start, start + length));
        } else {
            windows = List.of(new TimeWindow(9 * HOUR, 11 * HOUR), new TimeWindow(15 * HOUR, 17 * HOUR));
        }
        // SLA due = opened + response time: P1/P2 called in this morning, P3/P4 the day before.
        long opened = priority.compareTo(PlanningPriority.P2) <= 0 ? 7 * HOUR + random.nextInt(60) * MINUTE
                : -24 * HOUR + 9 * HOUR + random.nextInt(9 * 60) * MINUTE;
        long slaDue = opened + switch (priority) {
            case P1 -> 4 * HOUR;
            case P2 -> 8 * HOUR;
            case P3 -> 24 * HOUR;
            case P4 -> 72 * HOUR;
        };
        String preferred = null;
        if (priority.compareTo(PlanningPriority.P3) >= 0 && random.nextDouble() < 0.05) {
            List<PlanningTechnician> able = technicians.stream()
                    .filter(t -> t.masters(Map.of(trouble.skill(), trouble.level()))).toList();
            preferred = able.isEmpty() ? null : able.get(random.nextInt(able.size())).getId();
        }
        String id = String.format("V%04d", index + 1);
        troubleCodes.put(id, trouble.code());
        return PlannedVisit.customerVisit(id, "TK-" + id, location, minutes * MINUTE, windows, priority, slaDue,
                Map.of(trouble.skill(), trouble.level()), trouble.tools(),
                trouble.part() == null ? Map.of() : Map.of(trouble.part(), 1), preferred);
    }

    /**
     * The k-th urgent call of the live part: a P1 ticket opened at {@code now} (seconds since midnight), service to
     * start in a two-hour window beginning within the next hour, a level-1 job of at most an hour; SLA due in 4 h.
     */
    public PlannedVisit urgentVisit(int k, long now) {
        Random random = new Random(seed * 7_919 + 104_729L * (k + 1));
        Location location = inArea(random);
        Trouble trouble = URGENT_TROUBLES.get(random.nextInt(URGENT_TROUBLES.size()));
        long start = now + random.nextInt(5) * 15 * MINUTE;
        String id = String.format("URGENT-%d", k + 1);
        return PlannedVisit.customerVisit(id, "TK-" + id, location, trouble.minutes() * MINUTE,
                List.of(new TimeWindow(start, start + 2 * HOUR)), PlanningPriority.P1, now + 4 * HOUR,
                Map.of(trouble.skill(), trouble.level()), trouble.tools(),
                trouble.part() == null ? Map.of() : Map.of(trouble.part(), 1), null);
    }

    public Load load(RegionDay day) {
        double service = 0;
        Map<PlanningPriority, Integer> byPriority = new java.util.EnumMap<>(PlanningPriority.class);
        Map<String, double[]> byTrade = new LinkedHashMap<>();
        TRADES.forEach(trade -> byTrade.put(trade, new double[2]));
        int customers = 0;
        int allDay = 0;
        for (PlannedVisit visit : day.visits()) {
            if (!visit.isCustomer()) {
                continue;
            }
            customers++;
            service += visit.getServiceDuration() / 3600.0;
            byPriority.merge(visit.getPriority(), 1, Integer::sum);
            visit.getRequiredSkillLevels().keySet()
                    .forEach(skill -> byTrade.get(skill)[0] += visit.getServiceDuration() / 3600.0);
            if (visit.getWindows().size() == 1 && visit.getWindows().get(0).start() == SHIFT_START
                    && visit.getWindows().get(0).end() == SHIFT_END) {
                allDay++;
            }
        }
        double net = 0;
        double overtime = 0;
        Map<String, Double> netByTechnician = new HashMap<>();
        for (TechnicianRoute route : day.routes()) {
            double hours = (route.getShiftEnd() - route.getShiftStart() - route.getBreakRule().length()) / 3600.0;
            net += hours;
            overtime += route.getAllowedOvertime() / 3600.0;
            netByTechnician.put(route.getTechnician().getId(), hours);
        }
        for (PlanningTechnician technician : day.technicians()) {
            technician.getSkillLevels().keySet()
                    .forEach(skill -> byTrade.get(skill)[1] += netByTechnician.get(technician.getId()));
        }
        return new Load(day.technicians().size(), customers, service, net, overtime, byPriority, byTrade, allDay);
    }

    private static boolean coverable(Trouble trouble, List<PlanningTechnician> technicians) {
        return technicians.stream().anyMatch(t -> t.masters(Map.of(trouble.skill(), trouble.level())));
    }

    private Location inArea(Random random) {
        double north = (2 * random.nextDouble() - 1) * halfSideMetres;
        double east = (2 * random.nextDouble() - 1) * halfSideMetres;
        return offset(new Location(CENTRE_LATITUDE, CENTRE_LONGITUDE), north, east);
    }

    private static Location near(Location centre, double metres, Random random) {
        double distance = metres * Math.sqrt(random.nextDouble());
        double bearing = random.nextDouble() * 2 * Math.PI;
        return offset(centre, distance * Math.cos(bearing), distance * Math.sin(bearing));
    }

    private static Location offset(Location from, double northMetres, double eastMetres) {
        double latitude = from.latitude() + northMetres / 111_320.0;
        double longitude = from.longitude() + eastMetres / (111_320.0 * Math.cos(Math.toRadians(from.latitude())));
        return new Location(Math.round(latitude * 1e6) / 1e6, Math.round(longitude * 1e6) / 1e6);
    }

    static Location nearestDepot(Location home, List<Location> depots) {
        Location best = depots.get(0);
        for (Location depot : depots) {
            if (home.metersTo(depot) < home.metersTo(best)) {
                best = depot;
            }
        }
        return best;
    }

    private static String weighted(Map<String, Integer> weights, Random random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (String key : new TreeSet<>(weights.keySet())) {
            draw -= weights.get(key);
            if (draw < 0) {
                return key;
            }
        }
        throw new IllegalStateException();
    }

    private static Trouble weighted(List<Trouble> troubles, Random random) {
        int total = troubles.stream().mapToInt(Trouble::weight).sum();
        int draw = random.nextInt(total);
        for (Trouble trouble : troubles) {
            draw -= trouble.weight();
            if (draw < 0) {
                return trouble;
            }
        }
        throw new IllegalStateException();
    }
}
