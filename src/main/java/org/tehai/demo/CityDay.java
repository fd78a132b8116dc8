package org.tehai.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.tehai.contact.Contact;
import org.tehai.customer.Contract;
import org.tehai.customer.Customer;
import org.tehai.customer.NumberingPlan;
import org.tehai.demo.DemoRegion.Neighbourhood;
import org.tehai.demo.RegionDayGenerator.RegionDay;
import org.tehai.part.Depot;
import org.tehai.part.Part;
import org.tehai.part.PartQuantity;
import org.tehai.planning.Location;
import org.tehai.planning.PlannedVisit;
import org.tehai.planning.PlanningTechnician;
import org.tehai.planning.TechnicianRoute;
import org.tehai.planning.TimeWindow;
import org.tehai.platform.audit.Audit;
import org.tehai.platform.error.ApiProblem;
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
import org.tehai.visit.VisitStatus;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * The city-size demo day: the region-day of the dispatch benchmark ({@link RegionDayGenerator}, by default 100
 * technicians and 1,000 customer visits over 25 km × 25 km of western Tokyo, the benchmark's seed) written as the
 * records of a region of its own, {@value #CODE}, on one date: technicians with skills, tools, van stock and a shift
 * with its break; two depots; per visit a customer, a house, a ticket (opened so that its SLA due time is the
 * generated one) with the intake contact, and the visit with its skills, tools, parts and availability windows. A
 * visit the generator gave a preferred technician gets an earlier, incomplete visit by that technician on the day
 * before, which is how the application knows continuity. What the dispatcher board has to show for a large city.
 */
@ApplicationScoped
public class CityDay {

    public static final String CODE = "TOKYO-CITY";
    static final String NAME = "Tokyo City (generated day)";
    public static final int TECHNICIANS = 100;
    public static final int VISITS = 1000;

    /** Counts of what a load created; {@code revisits}: earlier visits written for continuity. */
    public record Summary(String region, LocalDate date, int technicians, int customers, int tickets, int visits,
            int revisits, long milliseconds) {
    }

    private static final Logger LOG = Logger.getLogger(CityDay.class);

    /** Job types, as learned durations know them, of the generator's trouble codes. */
    private static final Map<String, String> JOB_TYPES = Map.ofEntries(
            Map.entry("TV/NO_SIGNAL", "TV_SIGNAL_REPAIR"), Map.entry("TV/PIXELATION", "TV_SIGNAL_REPAIR"),
            Map.entry("TV/SETTOP_DEAD", "SETTOP_SWAP"), Map.entry("TV/NEW_OUTLET", "TV_OUTLET_INSTALL"),
            Map.entry("TV/BOOSTER_FAULT", "TV_BOOSTER_REPAIR"), Map.entry("INTERNET/SLOW", "FIBER_REPAIR"),
            Map.entry("INTERNET/NO_SYNC", "FIBER_REPAIR"), Map.entry("INTERNET/FIBER_CUT", "FIBER_SPLICE"),
            Map.entry("WIFI/WEAK", "WIFI_SETUP"), Map.entry("PHONE/NO_DIAL_TONE", "PHONE_REPAIR"),
            Map.entry("PHONE/ADAPTER_DEAD", "PHONE_REPAIR"), Map.entry("PC/NO_BOOT", "PC_REPAIR"),
            Map.entry("PC/SLOW", "PC_REPAIR"), Map.entry("INTERCOM/DEAD", "INTERCOM_REPAIR"));

    private static final List<String> DEPOT_NAMES = List.of("Nakano", "Setagaya");

    @Inject
    EntityManager entityManager;

    @Inject
    DemoData demoData;

    @Inject
    ServiceLevels serviceLevels;

    @Inject
    NumberingPlan numbering;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /**
     * Writes the generated day of {@code technicians} and {@code visits} on {@code date} (null: tomorrow in the
     * region's zone). The region must not exist yet unless {@code replace} is set, which deletes every record first.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public Summary load(LocalDate date, int technicians, int visits, boolean replace) {
        long started = System.nanoTime();
        if (replace) {
            demoData.deleteEverything();
        } else if (Region.findByCode(CODE) != null) {
            throw ApiProblem.conflict("replace", "The region " + CODE + " is already loaded; load with replace=true to "
                    + "delete everything and load it again.");
        }
        // Thousands of inserts in one transaction: no dirty checking before each query, collections in batches.
        Session session = entityManager.unwrap(Session.class);
        session.setHibernateFlushMode(FlushMode.COMMIT);
        session.setJdbcBatchSize(100);

        RegionDay day = new RegionDayGenerator(technicians, visits, RegionDayGenerator.BENCHMARK_SEED).generate();
        var writer = new Writer(date);
        writer.write(day);
        session.flush();
        var summary = new Summary(CODE, writer.date, technicians, visits, visits, visits, writer.revisits,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        audit.record("DEMO_CITY_DAY_LOADED", "region", CODE, summary.toString());
        LOG.infof("City-size demo day loaded: %s", summary);
        return summary;
    }

    /** One load: the region, its date, and the records written so far that later ones refer to. */
    private final class Writer {

        private final Random random = new Random(RegionDayGenerator.BENCHMARK_SEED);
        private final Region region;
        private final ZoneId zone;
        private final LocalDate date;
        private final Instant epoch;
        private final Map<String, Part> parts = new HashMap<>();
        private final Map<String, Technician> technicians = new HashMap<>();
        private int revisits;

        Writer(LocalDate requested) {
            region = new Region();
            region.code = CODE;
            region.name = NAME;
            region.timeZone = DemoRegion.TIME_ZONE;
            region.persist();
            zone = region.zone();
            date = requested != null ? requested : LocalDate.now(clock.withZone(zone)).plusDays(1);
            epoch = date.atStartOfDay(zone).toInstant();
        }

        void write(RegionDay day) {
            for (String code : RegionDayGenerator.PARTS) {
                Part part = Part.findByCode(code);
                if (part == null) {
                    part = new Part();
                    part.code = code;
                    part.name = DemoRegion.PARTS.getOrDefault(code, code);
                    part.persist();
                }
                parts.put(code, part);
            }
            for (int i = 0; i < RegionDayGenerator.DEPOTS.size(); i++) {
                depot(DEPOT_NAMES.get(i % DEPOT_NAMES.size()) + (i < DEPOT_NAMES.size() ? "" : "-" + i),
                        RegionDayGenerator.DEPOTS.get(i));
            }
            for (TechnicianRoute route : day.routes()) {
                technician(route);
            }
            for (PlannedVisit planned : day.visits()) {
                if (planned.isCustomer()) {
                    visit(planned, day.troubleCodes().get(planned.getId()));
                }
            }
        }

        private void depot(String name, Location at) {
            var depot = new Depot();
            depot.region = region;
            depot.code = CODE + "-" + name.toUpperCase();
            depot.name = name + " parts depot (city day)";
            depot.address = nearest(at).name();
            depot.latitude = at.latitude();
            depot.longitude = at.longitude();
            parts.values().stream().sorted(Comparator.comparing((Part p) -> p.code))
                    .forEach(p -> depot.stock.add(new PartQuantity(p, 40 + random.nextInt(40))));
            depot.persist();
        }

        private void technician(TechnicianRoute route) {
            PlanningTechnician planned = route.getTechnician();
            String number = planned.getId().substring(1);
            var technician = new Technician();
            technician.code = "TC" + number;
            technician.login = "tc" + number;
            technician.firstName = pick(DemoRegion.GIVEN_NAMES);
            technician.lastName = pick(DemoRegion.FAMILY_NAMES);
            technician.phone = String.format("090-9%03d-%04d", Integer.parseInt(number) % 1000, random.nextInt(10000));
            technician.region = region;
            technician.homeLatitude = planned.getHome().latitude();
            technician.homeLongitude = planned.getHome().longitude();
            technician.homeAddress = street(planned.getHome());
            planned.getSkillLevels().forEach((skill, level) -> technician.skills.add(new SkillLevel(skill, level)));
            technician.tools.addAll(planned.getTools());
            planned.getVanStock().forEach((code, quantity) -> technician.vanStock.add(new PartQuantity(parts.get(code),
                    quantity)));
            technician.persist();
            technicians.put(planned.getId(), technician);

            var shift = new Shift();
            shift.technician = technician;
            shift.workDate = date;
            shift.startsAt = at(route.getShiftStart());
            shift.endsAt = at(route.getShiftEnd());
            shift.maxOvertimeMinutes = (int) (route.getAllowedOvertime() / 60);
            if (route.getBreakRule() != null) {
                shift.breaks.add(new ShiftBreak(at(route.getBreakRule().earliestStart()),
                        at(route.getBreakRule().latestEnd()), (int) (route.getBreakRule().length() / 60)));
            }
            shift.persist();
        }

        private void visit(PlannedVisit planned, String troubleCode) {
            Location location = planned.getLocation();
            Customer customer = customer(planned);
            Site site = house(customer, location);
            Priority priority = Priority.valueOf(planned.getPriority().name());
            Ticket ticket = new Ticket();
            ticket.number = Ticket.nextNumber();
            ticket.customer = customer;
            ticket.locateAt(site);
            ticket.channel = random.nextDouble() < 0.8 ? Channel.PHONE : Channel.WEB;
            ticket.troubleCode = troubleCode;
            ticket.description = "Customer reports " + troubleCode.toLowerCase().replace('/', ' ').replace('_', ' ')
                    + ".";
            // Opened so that the SLA due time is the generated one, whatever the configured response times.
            ticket.openedAt = at(planned.getSlaDue()).minus(serviceLevels.responseTime(priority));
            ticket.suggestedPriority = priority;
            ticket.prioritize(priority, serviceLevels);
            ticket.callerName = customer.name;
            ticket.callerPhone = customer.phones.get(0).number;
            ticket.openedBy = "agent";
            ticket.persist();
            intake(ticket);

            Visit visit = Visit.forTicket(ticket, site);
            visit.jobType = JOB_TYPES.getOrDefault(troubleCode, "REPAIR");
            visit.estimatedDurationMinutes = (int) (planned.getServiceDuration() / 60);
            planned.getRequiredSkillLevels().forEach((skill, level) -> visit.requiredSkills.add(new SkillLevel(skill,
                    level)));
            visit.requiredTools.addAll(planned.getRequiredTools());
            planned.getRequiredParts().forEach((code, quantity) -> visit.requiredParts.add(new PartQuantity(
                    parts.get(code), quantity)));
            for (TimeWindow window : planned.getWindows()) {
                visit.availability.add(new AvailabilityWindow(at(window.start()), at(window.end())));
            }
            visit.persist();
            if (planned.getPreferredTechnicianId() != null) {
                earlierVisit(visit, technicians.get(planned.getPreferredTechnicianId()));
            }
        }

        /**
         * The visit after the call (the day before: only P3 and P4 visits prefer a technician) that could not finish
         * the job: planning prefers the technician who knows it.
         */
        private void earlierVisit(Visit revisit, Technician technician) {
            Visit earlier = Visit.forTicket(revisit.ticket, revisit.site);
            earlier.jobType = revisit.jobType;
            earlier.estimatedDurationMinutes = revisit.estimatedDurationMinutes;
            earlier.needsAsIn(revisit);
            Instant start = revisit.ticket.openedAt.plus(Duration.ofMinutes(90));
            earlier.dispatchTo(technician, null, 1, start);
            earlier.finish(VisitStatus.INCOMPLETE, start.plus(Duration.ofMinutes(earlier.estimatedDurationMinutes)),
                    "Needs a second visit to finish the repair.");
            earlier.persist();
            revisits++;
        }

        private Customer customer(PlannedVisit planned) {
            int index = Integer.parseInt(planned.getId().substring(1));
            var customer = new Customer();
            customer.name = pick(DemoRegion.FAMILY_NAMES) + " " + pick(DemoRegion.GIVEN_NAMES);
            customer.language = random.nextDouble() < 0.9 ? "ja" : "en";
            customer.contract = random.nextDouble() < 0.15 ? Contract.PREMIUM : Contract.STANDARD;
            // Tokyo numbers whose first digit after the area code is 0: unique, and never a real subscriber's.
            List<Customer.PhoneEntry> phones = new ArrayList<>();
            phones.add(new Customer.PhoneEntry(String.format("03-0%03d-%04d", index / 10_000, index % 10_000),
                    "home"));
            customer.replacePhones(phones, numbering);
            customer.persist();
            return customer;
        }

        private Site house(Customer customer, Location location) {
            Neighbourhood area = nearest(location);
            var site = new Site();
            site.customer = customer;
            site.region = region;
            site.street = street(location);
            site.city = area.ward() + "-ku, Tokyo";
            site.postalCode = area.postalPrefix() + "-" + String.format("%04d", random.nextInt(10000));
            site.latitude = location.latitude();
            site.longitude = location.longitude();
            site.persist();
            return site;
        }

        private void intake(Ticket ticket) {
            Contact.openingReport(ticket, "agent");
        }

        /** A street address named after the nearest demo neighbourhood. */
        private String street(Location location) {
            return (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20)) + " "
                    + nearest(location).name();
        }

        private Instant at(long secondsSinceMidnight) {
            return epoch.plusSeconds(secondsSinceMidnight);
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }
    }

    static Neighbourhood nearest(Location location) {
        return DemoRegion.NEIGHBOURHOODS.stream().min(Comparator.comparingDouble(n -> location.metersTo(
                new Location(n.latitude(), n.longitude())))).orElseThrow();
    }
}
