package org.tehai.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tehai.support.Api.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tehai.support.AdjustableClock;
import org.tehai.support.Api;
import org.tehai.support.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Generated apartment buildings (fixed seed): boosters that fail and whose flats call in random order, a fibre
 * outage over two buildings declared after the first calls, a building-systems outage, and decoys (other trouble in
 * the same buildings, the same trouble in other buildings, one flat calling twice, calls taken without equipment or
 * without address and corrected later). From the ground truth it measures the desk's linking: recall (same-cause
 * calls linked into the right incident, at intake and at the end) and the share of links that are wrong.
 */
@QuarkusTest
class GeneratedBuildingsLinkingTest {

    /** The generator's seed; {@code -Dlinking.seed=...} runs another day. */
    private static final long SEED = Long.getLong("linking.seed", 20_261_130L);
    private static final int WINDOW_MINUTES = 180;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    enum Mode { NAMED, SITE_ONLY, CALLER_ONLY }

    record Flat(int building, long customer, long site, long outlet, long ont) {
    }

    record Building(int index, String name, long booster, long splitter, double latitude, double longitude,
            List<Flat> flats) {
    }

    /** A common cause: the failing equipment (booster or fibre splitter), or a declared outage (by key). */
    static final class Cause {
        final String name;
        final String category;
        final long equipment;
        final String outage;
        boolean established;

        Cause(String name, String category, long equipment, String outage) {
            this.name = name;
            this.category = category;
            this.equipment = equipment;
            this.outage = outage;
        }
    }

    static final class Call {
        final int minute;
        final Flat flat;
        final String code;
        final Cause cause;
        Mode mode;
        Integer correctAt;
        long correctAsset;
        long ticket;
        boolean linkable;
        Long intakeIncident;
        boolean outageKnownAtIntake;

        Call(int minute, Flat flat, String code, Cause cause, Mode mode) {
            this.minute = minute;
            this.flat = flat;
            this.code = code;
            this.cause = cause;
            this.mode = mode;
        }

        boolean hasAddress() {
            return mode != Mode.CALLER_ONLY;
        }
    }

    record Event(int minute, int order, Runnable action) {
    }

    private final Map<String, Long> outages = new HashMap<>();
    private final Map<Long, JsonPath> incidents = new HashMap<>();

    @Test
    void shouldLinkSameCauseCallsOfGeneratedBuildingsReliably() {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        long region = TestData.region();
        List<Building> buildings = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            buildings.add(building(region, b, 6 + random.nextInt(4)));
        }
        List<Call> calls = new ArrayList<>();

        // Booster failures in buildings 0-4: 3-6 flats call within two hours, in random order.
        for (int b = 0; b < 5; b++) {
            Building building = buildings.get(b);
            Cause cause = new Cause("booster " + b, "TV", building.booster(), null);
            int start = random.nextInt(240);
            List<Flat> flats = shuffled(building.flats(), random);
            int callers = 3 + random.nextInt(4);
            List<Call> these = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                double p = random.nextDouble();
                Mode mode = p < 0.75 ? Mode.NAMED : p < 0.9 ? Mode.SITE_ONLY : Mode.CALLER_ONLY;
                these.add(new Call(start + random.nextInt(120), flats.get(i),
                        random.nextBoolean() ? "TV/NO_SIGNAL" : "TV/PIXELATION", cause, mode));
            }
            these.sort(Comparator.comparingInt(c -> c.minute));
            these.get(0).mode = Mode.NAMED;
            if (random.nextBoolean()) {
                // One affected flat calls again.
                Call again = these.get(random.nextInt(these.size()));
                these.add(new Call(again.minute + 5 + random.nextInt(60), again.flat, "TV/NO_SIGNAL", cause, Mode.NAMED));
            }
            for (Call call : these) {
                if (call.mode == Mode.CALLER_ONLY) {
                    call.correctAt = call.minute + 10 + random.nextInt(50);
                    call.correctAsset = call.flat.outlet();
                }
            }
            calls.addAll(these);
            // Decoys: other trouble in the same building while the booster is down.
            for (int i = 0; i < 2; i++) {
                calls.add(new Call(start + random.nextInt(120), flats.get(random.nextInt(flats.size())),
                        random.nextBoolean() ? "PC/NO_BOOT" : "PHONE/NO_DIAL_TONE", null, Mode.SITE_ONLY));
            }
        }
        // A PC call taken without address, corrected later to a flat of building 1 and its PC.
        Flat pcFlat = buildings.get(1).flats().get(0);
        Call pc = new Call(60 + random.nextInt(60), pcFlat, "PC/NO_BOOT", null, Mode.CALLER_ONLY);
        pc.correctAt = pc.minute + 30;
        pc.correctAsset = TestData.asset(pcFlat.site(), null, "Desktop PC", null);
        calls.add(pc);

        // A fibre cut over buildings 5 and 6, declared after the first calls.
        int cut = 120 + random.nextInt(60);
        for (int b = 5; b <= 6; b++) {
            Building building = buildings.get(b);
            Cause cause = new Cause("fibre cut, building " + b, "INTERNET", building.splitter(), "fibre");
            List<Flat> flats = shuffled(building.flats(), random);
            int callers = 4 + random.nextInt(3);
            for (int i = 0; i < callers; i++) {
                calls.add(new Call(cut + random.nextInt(150), flats.get(i),
                        random.nextBoolean() ? "INTERNET/NO_SYNC" : "INTERNET/SLOW", cause,
                        random.nextDouble() < 0.8 ? Mode.NAMED : Mode.SITE_ONLY));
            }
        }
        // Building systems down in building 7: intercom calls after the outage is declared.
        int power = 200;
        Cause intercoms = new Cause("building systems 7", "BUILDING", 0, "power");
        for (Flat flat : shuffled(buildings.get(7).flats(), random).subList(0, 3)) {
            calls.add(new Call(power + 1 + random.nextInt(120), flat, "INTERCOM/DEAD", intercoms, Mode.SITE_ONLY));
        }
        // Decoys: the same trouble in other buildings, one flat calling twice, Wi-Fi and phone trouble.
        Flat twice = buildings.get(5).flats().get(random.nextInt(buildings.get(5).flats().size()));
        int first = random.nextInt(300);
        calls.add(new Call(first, twice, "TV/NO_SIGNAL", null, Mode.NAMED));
        calls.add(new Call(first + 20 + random.nextInt(60), twice, "TV/PIXELATION", null, Mode.NAMED));
        calls.add(new Call(random.nextInt(400), buildings.get(6).flats().get(0), "TV/NO_SIGNAL", null, Mode.NAMED));
        int early = random.nextInt(60);
        calls.add(new Call(early, buildings.get(7).flats().get(0), "TV/NO_SIGNAL", null, Mode.NAMED));
        calls.add(new Call(early + WINDOW_MINUTES + 60, buildings.get(7).flats().get(1), "TV/NO_SIGNAL", null,
                Mode.NAMED));
        calls.add(new Call(random.nextInt(400), buildings.get(7).flats().get(2), "WIFI/WEAK", null, Mode.SITE_ONLY));
        calls.add(new Call(cut + random.nextInt(150), buildings.get(5).flats().get(0), "PHONE/NO_DIAL_TONE", null,
                Mode.SITE_ONLY));

        // The timeline: calls, corrections and outage declarations in order.
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<Event> events = new ArrayList<>();
        for (Call call : calls) {
            events.add(new Event(call.minute, 1, () -> intake(call, calls)));
            if (call.correctAt != null) {
                events.add(new Event(call.correctAt, 2, () -> correct(call, calls)));
            }
        }
        Building b5 = buildings.get(5);
        Building b6 = buildings.get(6);
        events.add(new Event(cut + 60, 0, () -> outages.put("fibre", declare(region, "INTERNET", "Fibre cut",
                Map.of("latitude", (b5.latitude() + b6.latitude()) / 2, "longitude", b5.longitude(),
                        "radiusMetres", 800)))));
        events.add(new Event(power, 0, () -> outages.put("power", declare(region, "BUILDING",
                "Building systems down", Map.of("buildings", List.of(buildings.get(7).name()))))));
        events.sort(Comparator.comparingInt(Event::minute).thenComparingInt(Event::order));
        for (Event event : events) {
            clock.setTo(base.plus(event.minute(), ChronoUnit.MINUTES));
            event.action().run();
        }

        // Intake: every call for which the evidence was there (another address, or a declared outage).
        int linkable = 0;
        int linkedRight = 0;
        int intakeLinks = 0;
        int intakeWrong = 0;
        for (Call call : calls) {
            if (call.linkable) {
                linkable++;
            }
            if (call.intakeIncident != null) {
                intakeLinks++;
                boolean right = call.cause != null && rightIncident(call, call.intakeIncident, !call.outageKnownAtIntake);
                if (right && call.linkable) {
                    linkedRight++;
                }
                if (!right) {
                    intakeWrong++;
                }
            }
        }
        // The end of the day, after corrections and outages: every same-cause call with evidence is in the right one.
        int expected = 0;
        int finalRight = 0;
        int finalLinks = 0;
        int finalWrong = 0;
        List<String> mistakes = new ArrayList<>();
        for (Call call : calls) {
            Long incident = Buildings.incidentOf(Buildings.ticket(call.ticket));
            boolean shouldLink = call.cause != null && (call.cause.outage != null || call.cause.established);
            boolean right = incident != null && call.cause != null && rightIncident(call, incident, false);
            if (shouldLink) {
                expected++;
                if (right) {
                    finalRight++;
                }
            }
            if (incident != null) {
                finalLinks++;
                if (!right) {
                    finalWrong++;
                }
            }
            if (shouldLink != right || (incident != null && !right)) {
                mistakes.add(call.code + " " + call.mode + " at minute " + call.minute + " ("
                        + (call.cause == null ? "decoy" : call.cause.name) + "): linked to " + incident);
            }
        }
        double intakeRecall = share(linkedRight, linkable);
        double intakeFalse = share(intakeWrong, intakeLinks);
        double finalRecall = share(finalRight, expected);
        double finalFalse = share(finalWrong, finalLinks);
        double falseLinks = share(intakeWrong + finalWrong, intakeLinks + finalLinks);
        System.out.printf("Generated buildings (seed %d): %d calls; intake recall %d/%d = %.1f%%, intake wrong links "
                + "%d/%d = %.1f%%; end-of-day recall %d/%d = %.1f%%, wrong links %d/%d = %.1f%%; all links wrong "
                + "%.1f%%; %.1f s%n", SEED, calls.size(), linkedRight, linkable, 100 * intakeRecall, intakeWrong,
                intakeLinks, 100 * intakeFalse, finalRight, expected, 100 * finalRecall, finalWrong, finalLinks,
                100 * finalFalse, 100 * falseLinks, (System.nanoTime() - started) / 1e9);
        mistakes.forEach(m -> System.out.println("  linking mistake: " + m));

        assertThat(linkable).as("the generator produces linkable calls").isGreaterThan(20);
        assertThat(intakeRecall).as("intake recall").isGreaterThanOrEqualTo(0.98);
        assertThat(finalRecall).as("end-of-day recall").isGreaterThanOrEqualTo(0.98);
        assertThat(falseLinks).as("share of wrong links").isLessThanOrEqualTo(0.01);
    }

    private Building building(long region, int index, int flats) {
        String name = Api.unique("Gen Tower " + index);
        double latitude = 35.70 + 0.012 * index;
        double longitude = 139.65;
        long plantRoom = TestData.site(null, region, name, null, latitude, longitude);
        long booster = TestData.asset(plantRoom, null, "Booster " + name, null);
        long splitter = TestData.asset(plantRoom, null, "Fibre splitter " + name, null);
        List<Flat> list = new ArrayList<>();
        for (int i = 0; i < flats; i++) {
            long customer = TestData.customer("Resident " + i + " " + name, TestData.tokyoPhone());
            long site = TestData.site(customer, region, name, Integer.toString(101 + i), latitude, longitude);
            list.add(new Flat(index, customer, site, TestData.asset(site, booster, "TV wall outlet", null),
                    TestData.asset(site, splitter, "Fibre ONT-7", null)));
        }
        return new Building(index, name, booster, splitter, latitude, longitude, list);
    }

    private void intake(Call call, List<Call> calls) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", call.flat.customer());
        body.put("troubleCode", call.code);
        if (call.mode != Mode.CALLER_ONLY) {
            body.put("siteId", call.flat.site());
        }
        if (call.mode == Mode.NAMED) {
            body.put("assetId", "INTERNET".equals(category(call.code)) ? call.flat.ont() : call.flat.outlet());
        }
        JsonPath answer = as("agent").body(body).post("/api/tickets").then().statusCode(201).extract().jsonPath();
        call.ticket = answer.getLong("id");
        call.intakeIncident = Buildings.incidentOf(answer);
        call.outageKnownAtIntake = call.cause != null && call.cause.outage != null
                && outages.containsKey(call.cause.outage);
        call.linkable = call.cause != null && call.hasAddress() && (call.outageKnownAtIntake || evidence(call, calls));
    }

    private void correct(Call call, List<Call> calls) {
        Buildings.correct(call.ticket, call.flat.site(), call.correctAsset);
        call.mode = Mode.NAMED;
        if (call.cause != null) {
            evidence(call, calls);
        }
    }

    /**
     * Ground truth of "the desk could know": another address with the same cause called within the incident window
     * (one of the two naming the equipment), or the cause's incident is already established.
     */
    private static boolean evidence(Call call, List<Call> calls) {
        Cause cause = call.cause;
        if (cause.outage != null && cause.equipment == 0) {
            return false;
        }
        if (cause.established) {
            return true;
        }
        for (Call other : calls) {
            if (other != call && other.cause == cause && other.ticket != 0 && other.hasAddress()
                    && other.flat.site() != call.flat.site() && Math.abs(other.minute - call.minute) <= WINDOW_MINUTES
                    && (other.mode == Mode.NAMED || call.mode == Mode.NAMED)) {
                cause.established = true;
                return true;
            }
        }
        return false;
    }

    /** The right incident: the declared outage of the cause, or (before it is declared) one on the failing equipment. */
    private boolean rightIncident(Call call, long incidentId, boolean equipmentAllowed) {
        Cause cause = call.cause;
        if (cause.outage != null && outages.containsKey(cause.outage) && outages.get(cause.outage) == incidentId) {
            return true;
        }
        boolean beforeOutage = cause.outage == null || equipmentAllowed;
        if (!beforeOutage || cause.equipment == 0) {
            return false;
        }
        JsonPath incident = incidents.computeIfAbsent(incidentId, Buildings::incident);
        return "SHARED_EQUIPMENT".equals(incident.getString("kind")) && incident.getLong("asset.id") == cause.equipment
                && cause.category.equals(incident.getString("category"));
    }

    private static long declare(long region, String category, String title, Map<String, Object> where) {
        Map<String, Object> body = new HashMap<>(where);
        body.put("regionId", region);
        body.put("category", category);
        body.put("title", title);
        body.put("statusText", title + ": engineers are working on it.");
        return as("manager").body(body).post("/api/outages").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String category(String code) {
        return code.substring(0, code.indexOf('/'));
    }

    private static <T> List<T> shuffled(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
