package org.tehai.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the incident board says, in English here and in Japanese in {@code messages/incidents_ja.properties}; the
 * template reads these as {@code {incidents:key}}, the page's script receives them as JSON. A bundle of its own, as
 * each page has (see {@link DeskPageMessages}).
 */
@MessageBundle("incidents")
public interface IncidentPageMessages {

    @Message("Incidents")
    String incidents_page();
    @Message("Region")
    String incidents_region();
    @Message("Refresh")
    String incidents_refresh();
    @Message("Open incidents and outages")
    String incidents_open();
    @Message("No open incident or outage in this region.")
    String incidents_none();
    @Message("Loading…")
    String incidents_loading();
    @Message("The request failed")
    String incidents_error();
    @Message("The request has a mistake.")
    String incidents_problem_400();
    @Message("Your role does not allow this.")
    String incidents_problem_403();
    @Message("It was not found.")
    String incidents_problem_404();
    @Message("It conflicts with a change made meanwhile.")
    String incidents_problem_409();
    @Message("It cannot be done in the present state.")
    String incidents_problem_422();
    @Message("Too many requests; wait a moment.")
    String incidents_problem_429();
    @Message("The server could not do it; try again.")
    String incidents_problem_500();
    @Message("The incident is already resolved.")
    String incidents_problem_status_409();
    @Message("Not done: {detail}")
    String incidents_refused(String detail);
    @Message("Map of incidents and outages")
    String incidents_map();
    @Message("Shared equipment")
    String incidents_kind_SHARED_EQUIPMENT();
    @Message("Area outage")
    String incidents_kind_AREA_OUTAGE();
    @Message("Suspected")
    String incidents_status_SUSPECTED();
    @Message("Confirmed")
    String incidents_status_CONFIRMED();
    @Message("Resolved")
    String incidents_status_RESOLVED();
    @Message("{count} linked tickets")
    String incidents_tickets(String count);
    @Message("Equipment")
    String incidents_equipment();
    @Message("Visit")
    String incidents_visit();
    @Message("None yet")
    String incidents_no_visit();
    @Message("None: the outage is fixed at its cause")
    String incidents_outage_visit();
    @Message("not planned yet")
    String incidents_visit_UNPLANNED();
    @Message("planned")
    String incidents_visit_PLANNED();
    @Message("dispatched")
    String incidents_visit_DISPATCHED();
    @Message("on the way")
    String incidents_visit_EN_ROUTE();
    @Message("on site")
    String incidents_visit_ON_SITE();
    @Message("done")
    String incidents_visit_DONE();
    @Message("not finished")
    String incidents_visit_INCOMPLETE();
    @Message("cancelled")
    String incidents_visit_CANCELLED();
    @Message("Circle of {radius} m around {latitude}, {longitude}")
    String incidents_area(String radius, String latitude, String longitude);
    @Message("Buildings")
    String incidents_buildings();
    @Message("Opened {at} by {by}")
    String incidents_opened(String at, String by);
    @Message("Status text read to callers")
    String incidents_status_text();
    @Message("Title")
    String incidents_title();
    @Message("Category")
    String incidents_category();
    @Message("Show")
    String incidents_show();
    @Message("Details")
    String incidents_details();
    @Message("Choose an incident in the list or on the map.")
    String incidents_choose();
    @Message("Linked tickets")
    String incidents_linked();
    @Message("Ticket")
    String incidents_ticket();
    @Message("Customer")
    String incidents_customer();
    @Message("Trouble")
    String incidents_trouble();
    @Message("Status")
    String incidents_ticket_status();
    @Message("Why linked")
    String incidents_reason();
    @Message("open")
    String incidents_ticket_OPEN();
    @Message("in progress")
    String incidents_ticket_IN_PROGRESS();
    @Message("resolved")
    String incidents_ticket_RESOLVED();
    @Message("closed")
    String incidents_ticket_CLOSED();
    @Message("cancelled")
    String incidents_ticket_CANCELLED();
    @Message("No ticket linked yet.")
    String incidents_no_tickets();
    @Message("Save status text")
    String incidents_save();
    @Message("Saved: the agents' banners now read the new text.")
    String incidents_saved();
    @Message("Resolve")
    String incidents_resolve();
    @Message("Cause")
    String incidents_cause();
    @Message("Resolved; its open tickets are resolved with it.")
    String incidents_resolved();
    @Message("Enter the cause before resolving.")
    String incidents_need_cause();
    @Message("Enter the title and the status text.")
    String incidents_need_text();
    @Message("Declare an outage")
    String incidents_declare();
    @Message("Click the map to set the centre (or type it) and set the radius; or pick buildings; or both.")
    String incidents_declare_hint();
    @Message("Latitude")
    String incidents_latitude();
    @Message("Longitude")
    String incidents_longitude();
    @Message("Radius (m)")
    String incidents_radius();
    @Message("Clear circle")
    String incidents_clear();
    @Message("Buildings in the region")
    String incidents_pick();
    @Message("No building in this region.")
    String incidents_no_buildings();
    @Message("Set a centre and a radius, or pick at least one building.")
    String incidents_need_area();
    @Message("Latitude −90…90, longitude −180…180, radius 10…50000 m.")
    String incidents_bad_number();
    @Message("Outage declared: {count} open tickets linked. Agents see the banner for callers inside it.")
    String incidents_declared(String count);
    @Message("Managers declare, change and resolve outages; agents read their status text to callers at the desk.")
    String incidents_view_only();
    @Message("someone changed this incident meanwhile; choose it again and repeat the change.")
    String incidents_field_version();
    @Message("the incident is resolved already.")
    String incidents_field_status();
    @Message("no trouble code has this category.")
    String incidents_field_category();
    @Message("choose a region.")
    String incidents_field_regionId();
    @Message("the title is missing or too long.")
    String incidents_field_title();
    @Message("the status text is missing or too long.")
    String incidents_field_statusText();
    @Message("the cause is missing or too long.")
    String incidents_field_cause();
    @Message("set a centre and a radius, or pick at least one building.")
    String incidents_field_buildings();
    @Message("the latitude is missing or out of range.")
    String incidents_field_latitude();
    @Message("the longitude is missing or out of range.")
    String incidents_field_longitude();
    @Message("the radius is missing or out of range.")
    String incidents_field_radiusMetres();
    @Message("Which incidents")
    String incidents_which();
    @Message("Open")
    String incidents_show_open();
    @Message("Resolved in the last {days} days")
    String incidents_show_resolved(String days);
    @Message("Resolved in the last {days} days")
    String incidents_resolved_title(String days);
    @Message("Nothing resolved in this region in the last {days} days.")
    String incidents_none_resolved(String days);
    @Message("Resolved {at}")
    String incidents_resolved_at(String at);
    @Message("Cause: {cause}")
    String incidents_cause_is(String cause);
    @Message("Centre of the new outage")
    String incidents_centre();
}
