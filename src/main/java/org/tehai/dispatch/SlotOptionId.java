package org.tehai.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.tehai.arrival.ArrivalWindows.Window;
import org.tehai.platform.error.ApiProblem;

/**
 * The id of a slot option: the visit, the window and the technician it was offered with, so that an agent books an
 * offered option by its id alone. It is an opaque URL-safe token ("visit:start:end:technician" in Base64), not a
 * record: nothing is stored between offering and booking.
 */
public record SlotOptionId(long visitId, Window window, long technicianId) {

    /** The token the desk sends back to book this option. */
    public String encoded() {
        String raw = visitId + ":" + window.start().getEpochSecond() + ":" + window.end().getEpochSecond() + ":"
                + technicianId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a token given to book visit {@code visitId}: 400 naming {@code optionId} when it is not one offered. */
    public static SlotOptionId parse(long visitId, String optionId) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(optionId.strip()), StandardCharsets.US_ASCII).split(":");
        } catch (IllegalArgumentException e) {
            parts = new String[0];
        }
        try {
            if (parts.length == 4) {
                long visit = Long.parseLong(parts[0]);
                Instant start = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                Instant end = Instant.ofEpochSecond(Long.parseLong(parts[2]));
                long technician = Long.parseLong(parts[3]);
                if (visit != visitId) {
                    throw ApiProblem.invalid("optionId", "The option was offered for visit " + visit + ", not "
                            + visitId + ".");
                }
                if (end.isAfter(start)) {
                    return new SlotOptionId(visit, new Window(start, end), technician);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalid("optionId", "The option id (" + optionId + ") is not one the slot options gave.");
    }
}
