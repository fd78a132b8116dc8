package org.tehai.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Each limit a request is held to is the length of the column that stores the text: no request overflows one. */
@QuarkusTest
class TextLimitsTest {

    private static final List<Map.Entry<Integer, List<String>>> COLUMNS = List.of(
            Map.entry(TextLimits.CODE, List.of("region.code", "part.code", "depot.code", "technician.code",
                    "technician_skill.skill", "technician_tool.tool", "visit_skill.skill", "visit_tool.tool")),
            Map.entry(TextLimits.NAME, List.of("customer.name", "region.name", "part.name", "depot.name",
                    "trouble_code.name", "ticket.caller_name")),
            Map.entry(TextLimits.PERSON_NAME, List.of("technician.first_name", "technician.last_name")),
            Map.entry(TextLimits.LOGIN, List.of("technician.login")),
            Map.entry(TextLimits.PHONE, List.of("customer_phone.number", "ticket.caller_phone", "callback.phone")),
            Map.entry(TextLimits.PHONE_LABEL, List.of("customer_phone.label")),
            Map.entry(TextLimits.EMAIL, List.of("customer.email")),
            Map.entry(TextLimits.LANGUAGE, List.of("customer.language")),
            Map.entry(TextLimits.TIME_ZONE, List.of("region.time_zone")),
            Map.entry(TextLimits.STREET, List.of("site.street")),
            Map.entry(TextLimits.POSTAL_CODE, List.of("site.postal_code")),
            Map.entry(TextLimits.CITY, List.of("site.city")),
            Map.entry(TextLimits.BUILDING, List.of("site.building", "incident_building.building")),
            Map.entry(TextLimits.UNIT, List.of("site.unit")),
            Map.entry(TextLimits.FLOOR, List.of("site.floor")),
            Map.entry(TextLimits.ADDRESS, List.of("depot.address", "technician.home_address")),
            Map.entry(TextLimits.MODEL, List.of("asset.model")),
            Map.entry(TextLimits.ASSET_KIND, List.of("asset.kind")),
            Map.entry(TextLimits.SERIAL_NUMBER, List.of("asset.serial_number")),
            Map.entry(TextLimits.TROUBLE_CODE, List.of("trouble_code.code", "ticket.trouble_code", "visit.job_type")),
            Map.entry(TextLimits.CATEGORY, List.of("trouble_code.category", "incident.category")),
            Map.entry(TextLimits.TITLE, List.of("incident.title")),
            Map.entry(TextLimits.CLIENT_EVENT_ID, List.of("technician_event.client_event_id")),
            Map.entry(TextLimits.QUOTE_REASON, List.of("arrival_quote.reason", "visit.estimate_reason")));

    @Inject
    DataSource database;

    @Test
    void shouldHoldEveryTextToTheLengthOfItsColumn() throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "select character_maximum_length from information_schema.columns "
                        + "where table_schema = 'public' and table_name = ? and column_name = ?")) {
            for (var limit : COLUMNS) {
                for (String column : limit.getValue()) {
                    String[] parts = column.split("\\.");
                    query.setString(1, parts[0]);
                    query.setString(2, parts[1]);
                    try (ResultSet rows = query.executeQuery()) {
                        assertThat(rows.next()).as("column %s exists", column).isTrue();
                        assertThat(rows.getInt(1)).as("length of %s", column).isEqualTo(limit.getKey());
                    }
                }
            }
        }
    }

    @Test
    void shouldLeaveRoomForTheWordsAroundAReQuoteReason() {
        assertThat("re-quoted: ".length() + TextLimits.REASON).isLessThanOrEqualTo(TextLimits.QUOTE_REASON);
        assertThat(TextLimits.FREE_TEXT).isLessThan(InputRules.MAX_TEXT);
    }
}
