package org.tehai.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.tehai.asset.Asset;
import org.tehai.contact.Contact;
import org.tehai.customer.Contract;
import org.tehai.customer.Customer;
import org.tehai.customer.NumberingPlan;
import org.tehai.demo.DemoRegion.Neighbourhood;
import org.tehai.incident.IncidentLinking;
import org.tehai.part.Depot;
import org.tehai.part.Part;
import org.tehai.part.PartQuantity;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
import org.tehai.preference.Preferences;
import org.tehai.region.Region;
import org.tehai.site.Site;
import org.tehai.technician.Shift;
import org.tehai.technician.ShiftBreak;
import org.tehai.technician.SkillLevel;
import org.tehai.technician.Technician;
import org.tehai.ticket.Channel;
import org.tehai.ticket.Priority;
import org.tehai.ticket.ServiceLevels;
import org.tehai.ticket.Ticket;
import org.tehai.visit.AvailabilityWindow;
import org.tehai.visit.Visit;

/**
 * Generates a realistic service region to explore Tehai with: 40 technicians with mixed skills, tools, van stock
 * and shifts; about 300 customers in houses and apartment buildings whose flats hang off a shared booster; and open
 * tickets with visits for the current and the next working day. Dates are computed from the clock when the data is
 * loaded, in the region's time zone, so the demo never shows stale days. A fixed seed makes every load alike.
 */
@ApplicationScoped
public class DemoData {

    /** Counts of what a load created, as the API reports them. */
    public record Summary(String region, LocalDate firstDay, LocalDate secondDay, long technicians, long customers,
            long sites, long assets, long tickets, long visits) {
    }

    static final int TECHNICIANS = 40;
    static final int BUILDINGS = 16;
    static final int HOUSES = 170;
    static final int TICKETS_PER_DAY = 70;

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private static final List<String> TABLES = List.of("audit_log", "notification", "callback", "contact", "visit_window", "visit_part",
            "visit_tool", "visit_skill", "visit", "ticket", "incident_building", "incident", "shift_break", "shift", "van_stock", "technician_tool",
            "technician_skill", "technician", "depot_stock", "depot", "part", "asset", "site", "customer_phone",
            "customer", "region");

    /** Trouble codes with the work they usually need: skill, level, tools, part, minutes. */
    private record Trouble(String code, String jobType, String skill, int level, Set<String> tools, String part,
            int minutes) {
    }

    private static final List<Trouble> TROUBLES = List.of(
            new Trouble("TV/NO_SIGNAL", "TV_SIGNAL_REPAIR", "TV", 1, Set.of("SIGNAL_METER"), null, 45),
            new Trouble("TV/PIXELATION", "TV_SIGNAL_REPAIR", "TV", 1, Set.of("SIGNAL_METER"), "COAX-F", 40),
            new Trouble("TV/SETTOP_DEAD", "SETTOP_SWAP", "TV", 1, Set.of(), "STB-4K", 30),
            new Trouble("INTERNET/NO_SYNC", "FIBER_REPAIR", "FIBER", 2, Set.of("OPTICAL_METER"), "ONT-7", 60),
            new Trouble("INTERNET/SLOW", "FIBER_REPAIR", "FIBER", 1, Set.of("OPTICAL_METER"), null, 45),
            new Trouble("INTERNET/FIBER_CUT", "FIBER_SPLICE", "FIBER", 3, Set.of("FUSION_SPLICER", "LADDER"), "DROP-50", 90),
            new Trouble("WIFI/WEAK", "WIFI_SETUP", "NETWORK", 1, Set.of(), "ROUTER-AX", 45),
            new Trouble("PHONE/NO_DIAL_TONE", "PHONE_REPAIR", "PHONE", 1, Set.of("LINE_TESTER"), null, 40),
            new Trouble("PC/NO_BOOT", "PC_REPAIR", "PC", 2, Set.of(), "SSD-1TB", 75),
            new Trouble("INTERCOM/DEAD", "INTERCOM_REPAIR", "BUILDING", 2, Set.of("LADDER"), "INTERCOM-PSU", 60));

    private static final List<String> TOOLS = List.of("SIGNAL_METER", "OPTICAL_METER", "FUSION_SPLICER", "LADDER",
            "LINE_TESTER");

    @Inject
    EntityManager entityManager;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    IncidentLinking incidents;

    @Inject
    NumberingPlan numbering;

    public boolean isDatabaseEmpty() {
        return Region.count() == 0;
    }

    /**
     * Loads the demo region. An empty database is required unless {@code replace} is set, in which case every
     * record is deleted first.
     */
    @Inject
    Preferences preferences;

    @Transactional
    public Summary load(boolean replace) {
        if (!isDatabaseEmpty()) {
            if (!replace) {
                throw ApiProblem.conflict("replace", "The database already holds data; load with replace=true to "
                        + "delete everything and load the demo region.");
            }
            deleteEverything();
        }
        Summary summary = new Generator(new Random(20261123L)).generate();
        // The built-in office users start in the demo region: the dispatcher reads English, the desk and the manager
        // Japanese (the switch in the header changes it for each of them).
        preferences.choose("dispatcher", DemoRegion.CODE, "en");
        preferences.choose("agent", DemoRegion.CODE, "ja");
        preferences.choose("manager", DemoRegion.CODE, "ja");
        preferences.choose("admin", DemoRegion.CODE, null);
        audit.record("DEMO_DATA_LOADED", "region", summary.region(), summary.toString());
        LOG.infof("Demo data loaded: %s", summary);
        return summary;
    }

    /** Empties every table the demo fills (and, by cascade, the plans); the trouble-code catalogue stays. */
    void deleteEverything() {
        entityManager.createNativeQuery("truncate table " + String.join(", ", TABLES) + " restart identity cascade")
                .executeUpdate();
        entityManager.clear();
    }

    /**
     * Adds one more working day to the loaded demo region: a shift for every technician and a day's tickets with
     * their visits, seeded by the date so that a day always looks alike. Used to play the demo region for several
     * days (the arrival-window simulation); returns how many visits the day has.
     */
    @Transactional
    public int addDay(LocalDate day) {
        Region region = Region.find("code", DemoRegion.CODE).firstResult();
        if (region == null) {
            throw ApiProblem.conflict("region", "Load the demo region before adding days to it.");
        }
        var generator = new Generator(new Random(20261123L + day.toEpochDay()));
        generator.resume(region);
        for (Technician technician : Technician.<Technician>list("region = ?1 order by code", region)) {
            if (Shift.find(technician.id, day) == null) {
                generator.shift(technician, day);
            }
        }
        for (int t = 0; t < TICKETS_PER_DAY; t++) {
            generator.ticket(day);
        }
        audit.record("DEMO_DAY_ADDED", "region", region.code, day + ": " + generator.visits + " visits");
        return (int) generator.visits;
    }

    /** The current working day (Monday to Saturday) in the zone, and the next one. */
    static List<LocalDate> workingDays(LocalDate today) {
        LocalDate first = today.getDayOfWeek() == DayOfWeek.SUNDAY ? today.plusDays(1) : today;
        LocalDate second = first.plusDays(1);
        if (second.getDayOfWeek() == DayOfWeek.SUNDAY) {
            second = second.plusDays(1);
        }
        return List.of(first, second);
    }

    /** One load's worth of random choices, seeded so every load looks alike. */
    private final class Generator {

        private final Random random;
        private Region region;
        private ZoneId zone;
        private final Map<String, Part> parts = new java.util.HashMap<>();
        private final List<Site> homes = new ArrayList<>();
        private final List<List<Asset>> outletsPerBuilding = new ArrayList<>();
        private long technicians;
        private long customers;
        private long sites;
        private long assets;
        private long tickets;
        private long visits;

        Generator(Random random) {
            this.random = random;
        }

        /** Continues an already loaded demo region: its parts and the homes tickets come from. */
        void resume(Region loaded) {
            region = loaded;
            zone = region.zone();
            Part.<Part>listAll().forEach(part -> parts.put(part.code, part));
            homes.addAll(Site.<Site>list("region = ?1 and customer is not null order by id", region));
        }

        Summary generate() {
            region = new Region();
            region.code = DemoRegion.CODE;
            region.name = DemoRegion.NAME;
            region.timeZone = DemoRegion.TIME_ZONE;
            region.persist();
            zone = region.zone();

            DemoRegion.PARTS.keySet().stream().sorted().forEach(code -> {
                var part = new Part();
                part.code = code;
                part.name = DemoRegion.PARTS.get(code);
                part.persist();
                parts.put(code, part);
            });
            depot("DEPOT-NAKANO", "Nakano parts depot", "4-10 Nakano, Nakano-ku", 35.7090, 139.6655);
            depot("DEPOT-SETAGAYA", "Setagaya parts depot", "1-22 Taishido, Setagaya-ku", 35.6460, 139.6710);

            List<LocalDate> days = workingDays(LocalDate.now(clock.withZone(zone)));
            for (int i = 0; i < TECHNICIANS; i++) {
                technician(i, days);
            }
            for (int b = 0; b < BUILDINGS; b++) {
                building(b);
            }
            for (int h = 0; h < HOUSES; h++) {
                house(h);
            }
            for (LocalDate day : days) {
                for (int t = 0; t < TICKETS_PER_DAY; t++) {
                    ticket(day);
                }
            }
            twoNeighbours(days.get(0));
            return new Summary(region.code, days.get(0), days.get(1), technicians, customers, sites, assets, tickets,
                    visits);
        }

        private void depot(String code, String name, String address, double latitude, double longitude) {
            var depot = new Depot();
            depot.region = region;
            depot.code = code;
            depot.name = name;
            depot.address = address;
            depot.latitude = latitude;
            depot.longitude = longitude;
            parts.values().forEach(p -> depot.stock.add(new PartQuantity(p, 20 + random.nextInt(40))));
            depot.persist();
        }

        private void technician(int index, List<LocalDate> days) {
            Neighbourhood base = pick(DemoRegion.NEIGHBOURHOODS);
            String family = DemoRegion.FAMILY_NAMES.get(index % DemoRegion.FAMILY_NAMES.size());
            String given = pick(DemoRegion.GIVEN_NAMES);
            var technician = new Technician();
            technician.code = String.format("T%02d", index + 1);
            technician.login = (family + "." + given.charAt(0)).toLowerCase();
            if (Technician.idForLogin(technician.login) != null) {
                technician.login = technician.login + (index + 1);
            }
            technician.firstName = given;
            technician.lastName = family;
            technician.phone = String.format("090-%04d-%04d", 1000 + index * 37, 2000 + index * 53);
            technician.region = region;
            double[] home = scatter(base, 700);
            technician.homeLatitude = home[0];
            technician.homeLongitude = home[1];
            technician.homeAddress = address(base);
            // Every technician has a main trade and often a second one; levels 1-3.
            String[] trades = { "TV", "FIBER", "NETWORK", "PHONE", "PC", "BUILDING" };
            String main = trades[index % trades.length];
            technician.skills.add(new SkillLevel(main, 1 + random.nextInt(3)));
            String second = trades[(index / trades.length + index + 1) % trades.length];
            if (!second.equals(main) && random.nextDouble() < 0.7) {
                technician.skills.add(new SkillLevel(second, 1 + random.nextInt(2)));
            }
            if ((main.equals("FIBER") || main.equals("TV")) && technician.levelOf("NETWORK").isEmpty()) {
                technician.skills.add(new SkillLevel("NETWORK", 1));
            }
            for (String tool : TOOLS) {
                if (random.nextDouble() < 0.55) {
                    technician.tools.add(tool);
                }
            }
            technician.tools.add(main.equals("FIBER") ? "OPTICAL_METER" : main.equals("TV") ? "SIGNAL_METER" : "LADDER");
            for (Part part : parts.values()) {
                if (random.nextDouble() < 0.6) {
                    technician.vanStock.add(new PartQuantity(part, 1 + random.nextInt(3)));
                }
            }
            technician.persist();
            technicians++;
            for (LocalDate day : days) {
                shift(technician, day);
            }
        }

        /** Eight or nine to five or six, with a 45-minute break between 11:30 and 14:00. */
        void shift(Technician technician, LocalDate day) {
            boolean early = random.nextBoolean();
            LocalTime start = early ? LocalTime.of(8, 0) : LocalTime.of(9, 0);
            var shift = new Shift();
            shift.technician = technician;
            shift.workDate = day;
            shift.startsAt = at(day, start);
            shift.endsAt = at(day, start.plusHours(9));
            shift.maxOvertimeMinutes = 60;
            shift.breaks.add(new ShiftBreak(at(day, LocalTime.of(11, 30)), at(day, LocalTime.of(14, 0)), 45));
            shift.persist();
        }

        private void building(int index) {
            Neighbourhood area = pick(DemoRegion.NEIGHBOURHOODS);
            String name = area.name() + " " + pick(DemoRegion.BUILDING_SUFFIXES) + " " + (char) ('A' + index % 6);
            double[] point = scatter(area, 500);
            String street = address(area);
            var plantRoom = site(null, area, street, name, null, point, "Plant room in the basement; key at the "
                    + "management office on the ground floor.");
            var booster = asset(plantRoom, null, "Maspro BH-35 booster", "TV_BOOSTER", "BST-" + (1000 + index));
            List<Asset> outlets = new ArrayList<>();
            outletsPerBuilding.add(outlets);
            int floors = 3 + random.nextInt(5);
            int flatsPerFloor = 2;
            for (int floor = 1; floor <= floors; floor++) {
                for (int flat = 1; flat <= flatsPerFloor; flat++) {
                    String unit = floor + "0" + flat;
                    Customer customer = customer();
                    Site home = site(customer, area, street, name, unit, point, "Building " + name + ", flat " + unit
                            + "; ring at the entrance panel.");
                    home.floor = Integer.toString(floor);
                    homes.add(home);
                    outlets.add(asset(home, booster, "TV wall outlet", "TV_OUTLET", null));
                    if (random.nextDouble() < 0.5) {
                        asset(home, null, "Fibre ONT-7", "ONT", random.nextBoolean() ? "ONT7-" + (50000 + assets) : null);
                    }
                }
            }
        }

        private void house(int index) {
            Neighbourhood area = pick(DemoRegion.NEIGHBOURHOODS);
            Customer customer = customer();
            Site home = site(customer, area, address(area), null, null, scatter(area, 800),
                    random.nextDouble() < 0.3 ? "Dog in the garden; call before entering." : null);
            homes.add(home);
            asset(home, null, random.nextBoolean() ? "Fibre ONT-7" : "4K set-top box",
                    random.nextBoolean() ? "ONT" : "SET_TOP_BOX", random.nextDouble() < 0.6 ? "SN-" + (70000 + index) : null);
        }

        void ticket(LocalDate day) {
            Site site = pick(homes);
            Trouble trouble = pick(TROUBLES);
            double p = random.nextDouble();
            Priority priority = p < 0.08 ? Priority.P1 : p < 0.3 ? Priority.P2 : p < 0.8 ? Priority.P3 : Priority.P4;
            // Urgent calls come in early on the day of the visit; the rest the day before.
            Instant openedAt = priority.compareTo(Priority.P2) <= 0
                    ? at(day, LocalTime.of(7, random.nextInt(60)))
                    : at(day.minusDays(1), LocalTime.of(9 + random.nextInt(9), random.nextInt(60)));
            Ticket ticket = openTicket(site, null, trouble, priority, openedAt);
            visit(ticket, trouble, day);
        }

        /**
         * The story the desk was built for, happening right now: two flats of one building, hanging off the same
         * booster, call forty minutes apart about a dead TV signal; the desk links them into a suspected incident
         * with one visit to the booster.
         */
        private void twoNeighbours(LocalDate day) {
            List<Asset> outlets = outletsPerBuilding.get(outletsPerBuilding.size() - 1);
            Trouble noSignal = TROUBLES.get(0);
            Instant now = Instant.now(clock);
            Ticket first = openTicket(outlets.get(0).site, outlets.get(0), noSignal, Priority.P3,
                    now.minus(Duration.ofMinutes(40)));
            visit(first, noSignal, day);
            Ticket second = openTicket(outlets.get(1).site, outlets.get(1), noSignal, Priority.P3,
                    now.minus(Duration.ofMinutes(1)));
            incidents.linkNewTicket(second);
            visits++;
        }

        private Ticket openTicket(Site site, Asset asset, Trouble trouble, Priority priority, Instant openedAt) {
            var ticket = new Ticket();
            ticket.number = Ticket.nextNumber();
            ticket.customer = site.customer;
            ticket.locateAt(site);
            ticket.asset = asset;
            ticket.channel = random.nextDouble() < 0.8 ? Channel.PHONE : Channel.WEB;
            ticket.troubleCode = trouble.code();
            ticket.description = "Customer reports " + trouble.code().toLowerCase().replace('/', ' ').replace('_', ' ')
                    + ".";
            ticket.openedAt = openedAt;
            ticket.suggestedPriority = priority;
            ticket.prioritize(priority, serviceLevels);
            ticket.callerName = site.customer.name;
            ticket.callerPhone = site.customer.phones.get(0).number;
            ticket.openedBy = "agent";
            ticket.persist();
            tickets++;

            Contact.openingReport(ticket, "agent");
            return ticket;
        }

        private void visit(Ticket ticket, Trouble trouble, LocalDate day) {
            Visit visit = Visit.forTicket(ticket, ticket.site);
            visit.jobType = trouble.jobType();
            visit.estimatedDurationMinutes = trouble.minutes() + 15 * random.nextInt(2);
            visit.requiredSkills.add(new SkillLevel(trouble.skill(), trouble.level()));
            visit.requiredTools.addAll(trouble.tools());
            if (trouble.part() != null) {
                visit.requiredParts.add(new PartQuantity(parts.get(trouble.part()), 1));
            }
            double w = random.nextDouble();
            if (w < 0.35) {
                visit.availability.add(new AvailabilityWindow(at(day, LocalTime.of(9, 0)), at(day, LocalTime.of(12, 0))));
            } else if (w < 0.65) {
                visit.availability.add(new AvailabilityWindow(at(day, LocalTime.of(13, 0)), at(day, LocalTime.of(17, 0))));
            } else if (w < 0.75) {
                visit.availability.add(new AvailabilityWindow(at(day, LocalTime.of(9, 0)), at(day, LocalTime.of(11, 0))));
                visit.availability.add(new AvailabilityWindow(at(day, LocalTime.of(15, 0)), at(day, LocalTime.of(17, 30))));
            } else {
                visit.availability.add(new AvailabilityWindow(at(day, LocalTime.of(9, 0)), at(day, LocalTime.of(17, 0))));
            }
            visit.persist();
            visits++;
        }

        private Customer customer() {
            var customer = new Customer();
            customer.name = pick(DemoRegion.FAMILY_NAMES) + " " + pick(DemoRegion.GIVEN_NAMES);
            customer.language = random.nextDouble() < 0.9 ? "ja" : "en";
            customer.contract = random.nextDouble() < 0.15 ? Contract.PREMIUM : Contract.STANDARD;
            List<Customer.PhoneEntry> phones = new ArrayList<>();
            phones.add(new Customer.PhoneEntry(String.format("03-%04d-%04d", 3000 + customers * 7 % 6000,
                    1000 + (customers * 7919) % 9000), "home"));
            if (random.nextDouble() < 0.6) {
                phones.add(new Customer.PhoneEntry(String.format("080-%04d-%04d", 1000 + customers * 13 % 9000,
                        1000 + (customers * 104729) % 9000), "mobile"));
            }
            customer.replacePhones(phones, numbering);
            customer.persist();
            customers++;
            return customer;
        }

        private Site site(Customer customer, Neighbourhood area, String street, String building, String unit,
                double[] point, String accessNotes) {
            var site = new Site();
            site.customer = customer;
            site.region = region;
            site.street = street;
            site.city = area.ward() + "-ku, Tokyo";
            site.postalCode = area.postalPrefix() + "-" + String.format("%04d", random.nextInt(10000));
            site.building = building;
            site.unit = unit;
            site.latitude = point[0];
            site.longitude = point[1];
            site.accessNotes = accessNotes;
            site.persist();
            sites++;
            return site;
        }

        private Asset asset(Site site, Asset parent, String model, String kind, String serial) {
            var asset = new Asset();
            asset.site = site;
            asset.parent = parent;
            asset.model = model;
            asset.kind = kind;
            asset.serialNumber = serial;
            asset.installedOn = LocalDate.now(clock).minusDays(200 + random.nextInt(2000));
            asset.persist();
            assets++;
            return asset;
        }

        private String address(Neighbourhood area) {
            return (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20)) + " "
                    + area.name();
        }

        /** A point within {@code metres} of the neighbourhood centre. */
        private double[] scatter(Neighbourhood area, double metres) {
            double distance = metres * Math.sqrt(random.nextDouble());
            double bearing = random.nextDouble() * 2 * Math.PI;
            double dLat = distance * Math.cos(bearing) / 111_320.0;
            double dLon = distance * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(area.latitude())));
            return new double[] { area.latitude() + dLat, area.longitude() + dLon };
        }

        private Instant at(LocalDate day, LocalTime time) {
            return day.atTime(time).atZone(zone).toInstant();
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }
    }
}
