package org.tehai.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the manager's page says, in English here and in Japanese in {@code messages/manage_ja.properties}; the
 * template reads these as {@code {manage:key}}, the page's script receives them as JSON. A bundle of its own, as each
 * page has (see {@link DeskPageMessages}).
 */
@MessageBundle("manage")
public interface ManagePageMessages {

    @Message("Region")
    String manage_region();
    @Message("From")
    String manage_from();
    @Message("To")
    String manage_to();
    @Message("Show")
    String manage_show();
    @Message("KPIs for the period")
    String manage_kpis();
    @Message("Over time")
    String manage_over_time();
    @Message("Rates (%)")
    String manage_rates();
    @Message("Per visit")
    String manage_per_visit();
    @Message("Trouble-code catalogue")
    String manage_catalogue();
    @Message("Notification outbox")
    String manage_outbox();
    @Message("Regions and publish policy")
    String manage_regions();
    @Message("Loading…")
    String manage_loading();
    @Message("The request failed")
    String manage_error();
    @Message("The request has a mistake.")
    String manage_problem_400();
    @Message("Your role does not allow this.")
    String manage_problem_403();
    @Message("It was not found.")
    String manage_problem_404();
    @Message("It conflicts with a change made meanwhile.")
    String manage_problem_409();
    @Message("It cannot be done in the present state.")
    String manage_problem_422();
    @Message("Too many requests; wait a moment.")
    String manage_problem_429();
    @Message("The server could not do it; try again.")
    String manage_problem_500();
    @Message("—")
    String manage_none();
    @Message("{part} of {whole}")
    String manage_basis(String part, String whole);
    @Message("{value} min")
    String manage_minutes(String value);
    @Message("First-time fix")
    String manage_ftf();
    @Message("Tickets whose first finished visit ended in the period, fixed at that visit with no revisit.")
    String manage_ftf_def();
    @Message("SLA met {priority}")
    String manage_sla(String priority);
    @Message("Tickets whose SLA due time fell in the period and has passed, resolved by then.")
    String manage_sla_def();
    @Message("First-window hit rate")
    String manage_hit();
    @Message("Visits with an arrival in the period that arrived inside the window told.")
    String manage_hit_def();
    @Message("Median window width")
    String manage_width();
    @Message("Median width of the windows told for those visits, in minutes.")
    String manage_width_def();
    @Message("Arrival inquiries per visit")
    String manage_inquiries();
    @Message("\"Where is the technician?\" contacts in the period per visit with an arrival.")
    String manage_inquiries_def();
    @Message("Tracking views per visit")
    String manage_views();
    @Message("Customers' views of their tracking page in the period per visit with an arrival.")
    String manage_views_def();
    @Message("Repeat contacts")
    String manage_repeat();
    @Message("Inbound contacts whose customer had contacted us about the same ticket in the 7 days before.")
    String manage_repeat_def();
    @Message("Utilisation")
    String manage_utilisation();
    @Message("Time on site over shift time of the region's technicians.")
    String manage_utilisation_def();
    @Message("Travel share")
    String manage_travel();
    @Message("Travel over travel plus time on site.")
    String manage_travel_def();
    @Message("Incidents and linked tickets")
    String manage_incidents();
    @Message("Incidents opened in the period (shared equipment and declared outages) and the tickets linked to them.")
    String manage_incidents_def();
    @Message("{incidents} incidents · {tickets} tickets")
    String manage_incidents_value(String incidents, String tickets);
    @Message("Code")
    String manage_code();
    @Message("Name")
    String manage_name();
    @Message("Priority")
    String manage_priority();
    @Message("Visit")
    String manage_visit();
    @Message("Active")
    String manage_active();
    @Message("yes")
    String manage_yes();
    @Message("no")
    String manage_no();
    @Message("Waiting")
    String manage_pending();
    @Message("Delivered")
    String manage_delivered();
    @Message("Given up")
    String manage_given_up();
    @Message("Last error")
    String manage_last_error();
    @Message("Time zone")
    String manage_time_zone();
    @Message("Publish policy")
    String manage_policy();
    @Message("A dispatcher publishes")
    String manage_policy_MANUAL();
    @Message("Published automatically during live re-planning")
    String manage_policy_AUTOMATIC();
    @Message("Admins change the policy with PUT /api/regions/ID.")
    String manage_policy_note();
}
