package org.tehai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tehai.bench.BenchProblem.Crew;
import org.tehai.bench.BenchProblem.Stop;
import org.tehai.bench.BenchProblem.Suite;

/** Reads Solomon VRPTW and Pillac TRSP instance files of any size. */
public final class BenchImporter {

    private static final Pattern LIST = Pattern.compile("\\[([^\\]]*)\\]");

    private BenchImporter() {
    }

    public static BenchProblem read(Suite suite, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        return suite == Suite.SOLOMON ? solomon(name, lines, file) : trsp(name, lines, file);
    }

    /**
     * Solomon: every vehicle starts and ends at the depot within the depot's [READY, DUE]; the single part
     * type stands for load (van stock = capacity, quantity = demand); the depot never restocks mid-route.
     */
    static BenchProblem solomon(String name, List<String> lines, Path file) {
        int vehicles = -1;
        int capacity = -1;
        List<double[]> rows = new ArrayList<>();
        boolean inVehicle = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("NUMBER")) {
                inVehicle = true;
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (inVehicle && tokens.length == 2 && isNumber(tokens[0])) {
                vehicles = Integer.parseInt(tokens[0]);
                capacity = Integer.parseInt(tokens[1]);
                inVehicle = false;
            } else if (tokens.length == 7 && isNumber(tokens[0])) {
                double[] row = new double[7];
                for (int i = 0; i < 7; i++) {
                    row[i] = Double.parseDouble(tokens[i]);
                }
                rows.add(row);
            }
        }
        if (vehicles <= 0 || rows.isEmpty()) {
            throw new IllegalArgumentException("The file (%s) is not a Solomon instance: vehicles (%d), rows (%d)."
                    .formatted(file, vehicles, rows.size()));
        }
        double[] d = rows.get(0);
        Stop depot = new Stop((int) d[0], d[1], d[2], d[4], d[5], d[6], Set.of(), Set.of(), new int[] { 0 });
        List<Stop> customers = new ArrayList<>();
        for (double[] r : rows.subList(1, rows.size())) {
            customers.add(new Stop((int) r[0], r[1], r[2], r[4], r[5], r[6], Set.of(), Set.of(),
                    new int[] { (int) r[3] }));
        }
        List<Crew> crews = new ArrayList<>();
        for (int v = 1; v <= vehicles; v++) {
            crews.add(new Crew(v, depot.x(), depot.y(), depot.ready(), depot.due(), Set.of(), Set.of(),
                    new int[] { capacity }));
        }
        return new BenchProblem(name, Suite.SOLOMON, depot, customers, crews, false);
    }

    /** TRSP: ID 0 is the depot (restock), 1..crew the technicians' homes, the rest requests. */
    static BenchProblem trsp(String name, List<String> lines, Path file) {
        int crewCount = -1;
        boolean inInfo = false;
        Stop depot = null;
        List<Crew> crews = new ArrayList<>();
        List<Stop> customers = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("CREW")) {
                inInfo = true;
                continue;
            }
            String[] tokens = line.split("\\s+");
            if (inInfo && isNumber(tokens[0])) {
                crewCount = Integer.parseInt(tokens[0]);
                inInfo = false;
                continue;
            }
            if (crewCount < 0 || !isNumber(tokens[0]) || tokens.length < 6) {
                continue;
            }
            int id = Integer.parseInt(tokens[0]);
            double x = Double.parseDouble(tokens[1]);
            double y = Double.parseDouble(tokens[2]);
            double tws = Double.parseDouble(tokens[3]);
            double twe = Double.parseDouble(tokens[4]);
            double service = Double.parseDouble(tokens[5]);
            Matcher lists = LIST.matcher(line);
            List<int[]> parsed = new ArrayList<>();
            while (lists.find()) {
                parsed.add(ints(lists.group(1)));
            }
            if (parsed.size() != 3) {
                throw new IllegalArgumentException("The row (%s) of (%s) does not have 3 lists.".formatted(line, file));
            }
            Set<Integer> skills = toSet(parsed.get(0));
            Set<Integer> tools = toSet(parsed.get(1));
            int[] parts = parsed.get(2);
            if (id == 0) {
                depot = new Stop(0, x, y, tws, twe, service, Set.of(), Set.of(), new int[0]);
            } else if (id <= crewCount) {
                crews.add(new Crew(id, x, y, tws, twe, skills, tools, parts));
            } else {
                customers.add(new Stop(id, x, y, tws, twe, service, skills, tools, parts));
            }
        }
        if (depot == null || crews.size() != crewCount || customers.isEmpty()) {
            throw new IllegalArgumentException("The file (%s) is not a TRSP instance: crews (%d of %d), requests (%d)."
                    .formatted(file, crews.size(), crewCount, customers.size()));
        }
        return new BenchProblem(name, Suite.TRSP, depot, customers, crews, true);
    }

    private static boolean isNumber(String token) {
        return token.matches("-?\\d+(\\.\\d+)?");
    }

    private static int[] ints(String csv) {
        String trimmed = csv.strip();
        if (trimmed.isEmpty()) {
            return new int[0];
        }
        String[] parts = trimmed.split("\\s*,\\s*");
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Integer.parseInt(parts[i]);
        }
        return values;
    }

    private static Set<Integer> toSet(int[] values) {
        Set<Integer> set = new LinkedHashSet<>();
        for (int value : values) {
            set.add(value);
        }
        return Set.copyOf(set);
    }
}
