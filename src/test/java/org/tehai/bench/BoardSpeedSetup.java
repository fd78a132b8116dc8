package org.tehai.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tehai.bench.BoardSpeed.Api;
import org.tehai.bench.BoardSpeed.Api.Answer;

import com.fasterxml.jackson.databind.JsonNode;

/** What {@link BoardSpeed} needs before it measures, and the server's share of the board's calls. */
final class BoardSpeedSetup {

    static final String CITY = "TOKYO-CITY";
    static final int TIMED_CALLS = 3;

    private BoardSpeedSetup() {
    }

    /**
     * Makes sure the region-day has a proposal that is done: loads the city-size day when {@code region} is the city
     * region and missing, and solves for {@code solveSeconds} when there is no finished proposal. Describes it.
     */
    static String dayWithProposal(Api dispatcher, Api admin, String region, LocalDate date, int solveSeconds)
            throws InterruptedException {
        if (dispatcher.call("GET", "/api/regions/" + Api.encode(region) + "/days?from=" + date + "&to=" + date, null)
                .status() == 404) {
            if (!CITY.equals(region)) {
                throw new IllegalStateException("There is no region " + region + " at the URL.");
            }
            Answer loaded = admin.call("POST", "/api/admin/demo-data?size=city&date=" + date, null);
            require(loaded, 201, "loading the city-size day");
            System.out.println("[board-speed] loaded the city-size day: " + loaded.body());
        }
        String day = path(region, date);
        JsonNode days = require(dispatcher.call("GET", "/api/regions/" + Api.encode(region) + "/days?from=" + date
                + "&to=" + date, null), 200, "reading the day").body().get(0);
        if (days.get("techniciansOnShift").asLong() == 0) {
            throw new IllegalStateException("Nobody is on shift in " + region + " on " + date + ": " + days);
        }
        Answer proposal = dispatcher.call("GET", day + "/proposals/current", null);
        if (proposal.status() == 404 || "FAILED".equals(status(proposal))) {
            System.out.printf(Locale.ROOT, "[board-speed] proposing %s %s, %d s ...%n", region, date, solveSeconds);
            proposal = require(dispatcher.call("POST", day + "/proposals", Map.of("spentLimitSeconds", solveSeconds)),
                    202, "proposing");
        }
        while (List.of("QUEUED", "SOLVING").contains(status(proposal))) {
            Thread.sleep(1000);
            proposal = require(dispatcher.call("GET", day + "/proposals/current", null), 200, "following the solve");
        }
        JsonNode p = proposal.body();
        return String.format(Locale.ROOT, "proposal %d %s after %.0f s: %s, %d assigned, %d unassigned; %s",
                p.get("number").asInt(), p.get("status").asText(), p.path("elapsedSeconds").asDouble(),
                p.get("score").asText(), p.get("assigned").asInt(), p.get("unassigned").asInt(), days);
    }

    /**
     * The calls the board makes for the day and for one move, timed from this client against the warm server
     * ({@value #TIMED_CALLS} times each, the median), with the size of each answer.
     */
    static List<String> serverTimes(Api api, String region, LocalDate date) {
        String day = path(region, date);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        JsonNode board = require(api.call("GET", day + "/board?plan=proposal", null), 200, "reading the board").body();
        // A visit of the first route that has one, moved to the technician of another route.
        long visitId = -1;
        long otherTechnician = -1;
        for (JsonNode row : board.get("rows")) {
            JsonNode visit = row.get("stops").findValue("visit");
            if (visitId < 0 && visit != null && visit.hasNonNull("id")) {
                visitId = visit.get("id").asLong();
            } else if (otherTechnician < 0) {
                otherTechnician = row.get("technician").get("id").asLong();
            }
        }
        if (visitId < 0 || otherTechnician < 0) {
            throw new IllegalStateException("The board has no visit to move: " + board.path("plan"));
        }
        Map<String, String[]> calls = new LinkedHashMap<>();
        calls.put("days (14)", new String[] { "GET", "/api/regions/" + Api.encode(region) + "/days?from=" + today
                + "&to=" + today.plusDays(13) });
        calls.put("proposals/current", new String[] { "GET", day + "/proposals/current" });
        calls.put("board", new String[] { "GET", day + "/board?plan=proposal" });
        calls.put("explanation (all visits)", new String[] { "GET", day + "/proposals/current/explanation" });
        calls.put("explanation (one visit)", new String[] { "GET", day + "/proposals/current/explanation?visit="
                + visitId });
        calls.put("visit", new String[] { "GET", "/api/visits/" + visitId });
        calls.put("move preview", new String[] { "POST", day + "/proposals/current/moves" });
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("[board-speed] server, median of " + TIMED_CALLS + " calls (ms):");
        for (Map.Entry<String, String[]> call : calls.entrySet()) {
            Object body = call.getValue()[0].equals("POST") ? Map.of("visitId", visitId, "technicianId",
                    otherTechnician, "pin", true, "preview", true) : null;
            double[] ms = new double[TIMED_CALLS];
            Answer answer = null;
            for (int i = 0; i < TIMED_CALLS; i++) {
                answer = api.call(call.getValue()[0], call.getValue()[1], body);
                ms[i] = answer.milliseconds();
            }
            require(answer, 200, call.getKey());
            line.append(String.format(Locale.ROOT, " %s %.0f (%d kB);", call.getKey(), BoardSpeed.median(ms),
                    answer.body() == null ? 0 : answer.body().toString().length() / 1024));
        }
        lines.add(line.toString());
        return lines;
    }

    private static String path(String region, LocalDate date) {
        return "/api/regions/" + Api.encode(region) + "/days/" + date;
    }

    private static String status(Answer proposal) {
        return proposal.body() == null ? "" : proposal.body().path("status").asText();
    }

    private static Answer require(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
