package org.tehai.platform.api;

/**
 * How long each kind of text may be, taken from the columns that store it (Flyway migrations under
 * {@code db/migration}); request records name these in {@code @Size}. {@code TextLimitsTest} compares every
 * constant with the live schema, so a migration that narrows a column cannot leave a request that overflows it.
 * Free text in {@code text} columns (notes, descriptions, reasons) is bounded by {@link #FREE_TEXT}, and a short
 * reason ({@link #REASON}) leaves room for the words the application puts around it in a 200-character column.
 */
public final class TextLimits {

    private TextLimits() {
    }

    /** region.code, part.code, depot.code, technician.code, skills and tools. */
    public static final int CODE = 40;
    /** customer.name, region.name, part.name, depot.name, trouble_code.name, ticket.caller_name. */
    public static final int NAME = 200;
    /** technician.first_name and last_name. */
    public static final int PERSON_NAME = 100;
    /** technician.login. */
    public static final int LOGIN = 80;
    /** customer_phone.number, ticket.caller_phone, callback.phone. */
    public static final int PHONE = 40;
    /** customer_phone.label. */
    public static final int PHONE_LABEL = 20;
    /** customer.email. */
    public static final int EMAIL = 320;
    /** customer.language. */
    public static final int LANGUAGE = 16;
    /** region.time_zone. */
    public static final int TIME_ZONE = 64;
    /** site.street. */
    public static final int STREET = 200;
    /** site.postal_code. */
    public static final int POSTAL_CODE = 20;
    /** site.city. */
    public static final int CITY = 100;
    /** site.building, incident_building.building. */
    public static final int BUILDING = 120;
    /** site.unit. */
    public static final int UNIT = 40;
    /** site.floor. */
    public static final int FLOOR = 20;
    /** depot.address, technician.home_address. */
    public static final int ADDRESS = 300;
    /** asset.model. */
    public static final int MODEL = 120;
    /** asset.kind. */
    public static final int ASSET_KIND = 60;
    /** asset.serial_number. */
    public static final int SERIAL_NUMBER = 80;
    /** trouble_code.code, ticket.trouble_code, visit.job_type. */
    public static final int TROUBLE_CODE = 60;
    /** trouble_code.category, incident.category. */
    public static final int CATEGORY = 30;
    /** incident.title. */
    public static final int TITLE = 300;
    /** technician_event.client_event_id. */
    public static final int CLIENT_EVENT_ID = 80;
    /** arrival_quote.reason and visit.estimate_reason hold a reason with the application's words around it. */
    public static final int QUOTE_REASON = 200;

    /** A reason a person gives that ends up in {@link #QUOTE_REASON} with a prefix of the application's. */
    public static final int REASON = 150;
    /** Skills, tools or parts one technician has or one visit needs. */
    public static final int LIST = 50;
    /** Part lines in one stock: a van or a depot. */
    public static final int STOCK_LINES = 500;
    /** Notes, descriptions, causes: {@code text} columns, bounded so that one request stays reasonable. */
    public static final int FREE_TEXT = 4000;
}
