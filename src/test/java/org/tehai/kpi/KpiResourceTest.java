package org.tehai.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.tehai.support.Api.as;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tehai.contact.Contact;
import org.tehai.contact.ContactKind;
import org.tehai.contact.Direction;
import org.tehai.support.Api;
import org.tehai.support.TestData;
import org.tehai.technician.Technician;
import org.tehai.ticket.Channel;
import org.tehai.ticket.Priority;
import org.tehai.ticket.Ticket;
import org.tehai.ticket.TicketStatus;
import org.tehai.visit.Visit;
import org.tehai.visit.VisitStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * One worked day of one technician (2026-10-05, Asia/Tokyo) with three tickets, and the KPIs computed by hand:
 * <pre>
 * ticket A P2 opened 08:00, due 16:00, resolved 12:00 (met); visit 10:00-11:00 DONE, quoted 09:30-10:30 (hit, 60 min)
 * ticket B P3 opened 07:00, due next day;                 visit 12:00-13:30 INCOMPLETE, quoted 11:00-11:30 (miss, 30)
 *                                                          + a follow-up visit, not yet done
 * ticket C P2 opened 06:00, due 14:00, still open (missed); visit 14:30-15:00 DONE, quoted 14:00-15:30 (hit, 90)
 * contacts: 3 new reports (06:00, 07:00, 08:00) + 3 arrival inquiries (B 11:45, C 13:00, C 14:10, all repeats)
 * shift 09:00-18:00 = 540 min; on site 60+90+30 = 180; travel 60+60+60 = 180
 * </pre>
 */
@QuarkusTest
class KpiResourceTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String DAY = "2026-10-05";

    private String regionCode;

    @BeforeEach
    void workedDay() {
        regionCode = Api.unique("KPI");
        long region = as("admin").body(Map.of("code", regionCode, "name", "KPI region", "timeZone", "Asia/Tokyo"))
                .post("/api/regions").then().statusCode(201).extract().jsonPath().getLong("id");
        String login = Api.unique("kpi").toLowerCase();
        long technician = as("dispatcher").body(Map.of("code", login.toUpperCase(), "login", login, "firstName", "Kenji",
                "lastName", "Ito", "regionId", region, "homeLatitude", 35.70, "homeLongitude", 139.65,
                "skills", List.of(), "tools", List.of(), "vanStock", List.of())).post("/api/technicians").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        as("dispatcher").body(Map.of("start", "09:00", "end", "18:00", "maxOvertimeMinutes", 0, "breaks", List.of()))
                .put("/api/technicians/" + technician + "/shifts/" + DAY).then().statusCode(200);
        long customer = TestData.customer("KPI Customer", TestData.tokyoPhone());
        long site = TestData.site(customer, region, null, null, 35.70, 139.65);
        long a = ticket(customer, site, "INTERNET/NO_SYNC");
        long b = ticket(customer, site, "TV/NO_SIGNAL");
        long c = ticket(customer, site, "INTERNET/NO_SYNC");
        long a1 = visit(a);
        long b1 = visit(b);
        long b2 = visit(b);
        long c1 = visit(c);

        QuarkusTransaction.requiringNew().run(() -> {
            Technician tech = Technician.findById(technician);
            ticketAt(a, Priority.P2, "08:00", "16:00", "12:00");
            ticketAt(b, Priority.P3, "07:00", null, null);
            Ticket.<Ticket>findById(b).slaDueAt = at("07:00").plusSeconds(86_400);
            ticketAt(c, Priority.P2, "06:00", "14:00", null);
            worked(a1, tech, VisitStatus.DONE, "10:00", "11:00", "09:30", "10:30");
            worked(b1, tech, VisitStatus.INCOMPLETE, "12:00", "13:30", "11:00", "11:30");
            worked(c1, tech, VisitStatus.DONE, "14:30", "15:00", "14:00", "15:30");
            Visit.<Visit>findById(b2).status = VisitStatus.UNPLANNED;
            inquiry(b, "11:45");
            inquiry(c, "13:00");
            inquiry(c, "14:10");
        });
    }

    @Test
    void shouldComputeEachKpiAsDefined() {
        JsonPath kpis = as("manager").get("/api/kpis?region=" + regionCode + "&from=" + DAY + "&to=" + DAY).then()
                .statusCode(200).extract().jsonPath();

        assertThat(kpis.getLong("firstTimeFix.tickets")).isEqualTo(3);
        assertThat(kpis.getLong("firstTimeFix.fixedAtFirstVisit")).isEqualTo(2);
        assertThat(kpis.getDouble("firstTimeFix.rate")).isCloseTo(2.0 / 3, within(1e-6));

        assertThat(kpis.getLong("slaCompliance.P2.tickets")).isEqualTo(2);
        assertThat(kpis.getLong("slaCompliance.P2.met")).isEqualTo(1);
        assertThat(kpis.getDouble("slaCompliance.P2.rate")).isEqualTo(0.5);
        assertThat(kpis.getLong("slaCompliance.P3.tickets")).isZero();
        assertThat(kpis.<Object>get("slaCompliance.P3.rate")).isNull();

        assertThat(kpis.getDouble("timeToFirstVisit.P2.meanMinutes")).isEqualTo(315.0);
        assertThat(kpis.getDouble("timeToFirstVisit.P3.meanMinutes")).isEqualTo(300.0);

        assertThat(kpis.getLong("arrivalWindows.arrivals")).isEqualTo(3);
        assertThat(kpis.getLong("arrivalWindows.insideQuotedWindow")).isEqualTo(2);
        assertThat(kpis.getDouble("arrivalWindows.medianWidthMinutes")).isEqualTo(60.0);

        assertThat(kpis.getLong("arrivalInquiries.inquiries")).isEqualTo(3);
        assertThat(kpis.getDouble("arrivalInquiries.perVisit")).isEqualTo(1.0);

        assertThat(kpis.getLong("repeatContacts.inboundContacts")).isEqualTo(6);
        assertThat(kpis.getLong("repeatContacts.repeats")).isEqualTo(3);
        assertThat(kpis.getDouble("repeatContacts.rate")).isEqualTo(0.5);

        assertThat(kpis.getLong("technicians.shiftMinutes")).isEqualTo(540);
        assertThat(kpis.getLong("technicians.onSiteMinutes")).isEqualTo(180);
        assertThat(kpis.getLong("technicians.travelMinutes")).isEqualTo(180);
        assertThat(kpis.getDouble("technicians.utilisation")).isCloseTo(1.0 / 3, within(1e-6));
        assertThat(kpis.getDouble("technicians.travelShare")).isEqualTo(0.5);

        assertThat(kpis.getLong("incidents.detected")).isZero();
    }

    @Test
    void shouldReportNothingOutsideThePeriod() {
        as("manager").get("/api/kpis?region=" + regionCode + "&from=2026-10-06&to=2026-10-10").then().statusCode(200)
                .body("arrivalWindows.arrivals", equalTo(0)).body("arrivalWindows.hitRate", equalTo(null))
                .body("firstTimeFix.tickets", equalTo(0));
    }

    @Test
    void shouldRejectBadPeriodsAndNonManagers() {
        as("manager").get("/api/kpis?region=" + regionCode + "&from=2026-10-06&to=2026-10-01").then()
                .statusCode(400).body("field", equalTo("to"));
        as("manager").get("/api/kpis?region=" + regionCode + "&to=2026-10-01").then().statusCode(400)
                .body("field", equalTo("from"));
        as("manager").get("/api/kpis?region=NOWHERE&from=2026-10-01&to=2026-10-01").then().statusCode(422)
                .body("field", equalTo("region"));
        as("agent").get("/api/kpis?region=" + regionCode + "&from=2026-10-01&to=2026-10-01").then().statusCode(403);
    }

    private static long ticket(long customer, long site, String code) {
        return as("agent").body(Map.of("customerId", customer, "siteId", site, "troubleCode", code))
                .post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long visit(long ticket) {
        return as("agent").body(Map.of("ticketId", ticket, "estimatedDurationMinutes", 60, "requiredSkills",
                List.of(), "requiredTools", List.of(), "requiredParts", List.of(), "availability",
                List.of(Map.of("startsAt", DAY + "T09:00:00+09:00", "endsAt", DAY + "T18:00:00+09:00"))))
                .post("/api/visits").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void ticketAt(long id, Priority priority, String opened, String due, String closed) {
        Ticket ticket = Ticket.findById(id);
        ticket.priority = priority;
        ticket.openedAt = at(opened);
        if (due != null) {
            ticket.slaDueAt = at(due);
        }
        if (closed != null) {
            ticket.status = TicketStatus.RESOLVED;
            ticket.closedAt = at(closed);
        }
        Contact.<Contact>list("ticket", ticket).forEach(c -> c.occurredAt = at(opened));
    }

    private static void worked(long id, Technician technician, VisitStatus status, String arrival, String departure,
            String windowStart, String windowEnd) {
        Visit visit = Visit.findById(id);
        visit.technician = technician;
        visit.status = status;
        visit.actualArrival = at(arrival);
        visit.actualDeparture = at(departure);
        visit.quotedWindowStart = at(windowStart);
        visit.quotedWindowEnd = at(windowEnd);
    }

    private static void inquiry(long ticket, String time) {
        var contact = new Contact();
        contact.ticket = Ticket.findById(ticket);
        contact.occurredAt = at(time);
        contact.kind = ContactKind.ARRIVAL_INQUIRY;
        contact.channel = Channel.PHONE;
        contact.direction = Direction.INBOUND;
        contact.author = "agent";
        contact.repeatContact = true;
        contact.persist();
    }

    private static Instant at(String localTime) {
        return LocalDateTime.parse(DAY + "T" + localTime).atZone(TOKYO).toInstant();
    }
}
