package org.tehai.contact;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A note Tehai writes itself on a contact: the English text as stored in {@code notes}, and what happened as data
 * ({@link #key()} and its {@link #params()}) so that a page can say it in its reader's language. Times in the
 * parameters are ISO instants; pages show them in the region's zone.
 */
public record ContactNote(String key, Map<String, String> params, String english) {

    /** "Where is the technician?" answered: {@code told} in English, {@code toldJapanese} in Japanese. */
    public static final String ARRIVAL_TOLD = "arrival-told";
    /** A call-back booked: {@code dueAt} (ISO instant), {@code reason} as given, {@code reasonJapanese}. */
    public static final String CALLBACK_BOOKED = "callback-booked";
    /** The customer opened the tracking page: {@code state}, the visit's state then. */
    public static final String TRACKING_VIEW = "tracking-view";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> STATES_JAPANESE = Map.of("NOT_YET_PLANNED", "未計画", "PLANNED", "予定済み",
            "ON_THE_WAY", "移動中", "ON_SITE", "作業中", "DONE", "完了", "NOT_FINISHED", "未完了", "CANCELLED", "取消");

    private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("M月d日(E) HH:mm",
            Locale.JAPANESE);

    public static ContactNote arrivalTold(String told, String toldJapanese) {
        return new ContactNote(ARRIVAL_TOLD, params("told", told, "toldJapanese", toldJapanese),
                "Where is the technician? Told: " + told);
    }

    public static ContactNote callbackBooked(Instant dueAt, String dueAsGiven, String reason, String reasonJapanese) {
        return new ContactNote(CALLBACK_BOOKED, params("dueAt", dueAt.toString(), "reason", reason, "reasonJapanese",
                reasonJapanese), "Call-back booked for " + dueAsGiven + ": " + reason);
    }

    public static ContactNote trackingView(String state) {
        return new ContactNote(TRACKING_VIEW, params("state", state), "Tracking page opened (" + state + ")");
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put(pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    /** The parameters as stored in the {@code note_params} column. */
    String paramsJson() {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored parameters; an empty map for none or for text that is not a JSON object of strings. */
    static Map<String, String> paramsOf(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /**
     * The note in Japanese, times in {@code zone}: for a note Tehai wrote with its data; otherwise the notes as they
     * were written (what an agent typed, or an older row).
     */
    public static String japanese(String key, Map<String, String> params, String notes, ZoneId zone) {
        if (key == null) {
            return notes;
        }
        return switch (key) {
            case ARRIVAL_TOLD -> "技術者の到着のお問い合わせ。お伝えした内容: "
                    + params.getOrDefault("toldJapanese", params.getOrDefault("told", ""));
            case CALLBACK_BOOKED -> {
                String due = params.get("dueAt");
                String when = due == null ? "" : JAPANESE_TIME.format(Instant.parse(due).atZone(zone));
                yield when + "に折り返しの電話を予約: "
                        + params.getOrDefault("reasonJapanese", params.getOrDefault("reason", ""));
            }
            case TRACKING_VIEW -> "お客様が追跡ページを開きました("
                    + STATES_JAPANESE.getOrDefault(params.get("state"), params.getOrDefault("state", "")) + ")";
            default -> notes;
        };
    }
}
