package org.tehai.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the technician's phone app says, in English here and in Japanese in {@code messages/tech_ja.properties}; the
 * template reads these as {@code {tech:key}} and the script gets them all (see {@link TechPage}). A bundle of its own,
 * as each page has (see {@link DeskPageMessages}).
 */
@MessageBundle("tech")
public interface TechPageMessages {

    @Message("Tehai for technicians")
    String tech_app_name();
    @Message("Tehai")
    String tech_short_name();
    @Message("Loading your route…")
    String tech_loading();
    @Message("Online")
    String tech_online();
    @Message("Offline: your reports stay on this phone")
    String tech_offline();
    @Message("{count} waiting to send")
    String tech_waiting(String count);
    @Message("All reports sent")
    String tech_all_sent();
    @Message("last sent {time}")
    String tech_sent_at(String time);
    @Message("Route as of {time}")
    String tech_route_loaded(String time);
    @Message("Route of {date}")
    String tech_route_of(String date);
    @Message("No published route for this day.")
    String tech_no_route();
    @Message("To look at: reports start on the day itself.")
    String tech_view_only();
    @Message("The dispatcher changed your route.")
    String tech_route_changed();
    @Message("Show the new route")
    String tech_route_show();
    @Message("Your sign-in has run out. Your reports stay on this phone; sign in again to send them.")
    String tech_signed_out();
    @Message("Someone else is signed in on this browser. The reports of {user} stay on this phone; sign in as {user}"
            + " to send them.")
    String tech_someone_else(String user);
    @Message("Sign in again")
    String tech_sign_in();
    @Message("Location is off. Allow it for this site so the desk can tell customers when you will come.")
    String tech_location_off();
    @Message("Not accepted")
    String tech_refused();
    @Message("The office did not accept these reports. Call the dispatcher if you are unsure what to do.")
    String tech_refused_hint();
    @Message("Seen")
    String tech_dismiss();
    @Message("The report was empty.")
    String tech_reason_event_empty();
    @Message("The report had no id of this phone.")
    String tech_reason_event_id();
    @Message("The note is too long.")
    String tech_reason_notes_too_long();
    @Message("The report did not say what happened.")
    String tech_reason_type_required();
    @Message("The report had no time.")
    String tech_reason_time_required();
    @Message("The report did not name its visit.")
    String tech_reason_visit_required();
    @Message("The report named no valid visit.")
    String tech_reason_visit_id();
    @Message("The visit ({visit}) is not on your route.")
    String tech_reason_visit_not_on_route(String visit);
    @Message("The visit ({visit}) was cancelled.")
    String tech_reason_visit_cancelled(String visit);
    @Message("Only \"could not finish\" asks for a follow-up visit.")
    String tech_reason_follow_up_not_incomplete();
    @Message("The time needed must be 5 to 600 minutes.")
    String tech_reason_follow_up_duration();
    @Message("Too many skills for the follow-up visit.")
    String tech_reason_too_many_skills();
    @Message("Each skill needs a level from 1 to 5.")
    String tech_reason_skill_level();
    @Message("Too many parts in one report.")
    String tech_reason_too_many_parts();
    @Message("A part is not in the catalogue.")
    String tech_reason_unknown_part();
    @Message("A part quantity must be 1 to 10000.")
    String tech_reason_part_quantity();
    @Message("The position needs latitude and longitude.")
    String tech_reason_position_incomplete();
    @Message("The latitude is out of range.")
    String tech_reason_latitude_range();
    @Message("The longitude is out of range.")
    String tech_reason_longitude_range();
    @Message("Nothing was sent.")
    String tech_reason_batch_empty();
    @Message("Too many reports at once.")
    String tech_reason_batch_too_large();
    @Message("Next step")
    String tech_next_step();
    @Message("Which day")
    String tech_which_day();
    @Message("Today")
    String tech_today();
    @Message("Tomorrow")
    String tech_tomorrow();
    @Message("Start the day")
    String tech_start_day();
    @Message("On the way")
    String tech_on_the_way();
    @Message("Arrived")
    String tech_arrived();
    @Message("Done")
    String tech_done();
    @Message("End the day")
    String tech_end_day();
    @Message("Your day is over. Thank you.")
    String tech_day_over();
    @Message("Every visit of the day has ended.")
    String tech_all_visits_ended();
    @Message("Start a break")
    String tech_break_start();
    @Message("End the break")
    String tech_break_end();
    @Message("On a break since {time}")
    String tech_on_break(String time);
    @Message("Could not finish")
    String tech_could_not_finish();
    @Message("No access")
    String tech_no_access();
    @Message("Taking longer")
    String tech_running_long();
    @Message("How much longer will the job take? The desk and the next customers are told in time.")
    String tech_running_long_hint();
    @Message("Minutes left")
    String tech_minutes_left();
    @Message("Or minutes left, 1 to 480")
    String tech_minutes_left_other();
    @Message("Choose or write the minutes left, from 1 to 480.")
    String tech_minutes_left_bad();
    @Message("Record the time left")
    String tech_record_running_long();
    @Message("done about {time}")
    String tech_expected_done(String time);
    @Message("Visit {position}: {name}")
    String tech_current(String position, String name);
    @Message("Planned")
    String tech_status_DISPATCHED();
    @Message("On the way")
    String tech_status_EN_ROUTE();
    @Message("On site")
    String tech_status_ON_SITE();
    @Message("Done")
    String tech_status_DONE();
    @Message("Not finished")
    String tech_status_INCOMPLETE();
    @Message("Window told: {window}")
    String tech_window(String window);
    @Message("planned start {time}")
    String tech_planned(String time);
    @Message("{count} min")
    String tech_minutes(String count);
    @Message("Customer at home")
    String tech_customer_home();
    @Message("Access")
    String tech_access();
    @Message("Needs")
    String tech_needs();
    @Message("Call")
    String tech_call();
    @Message("Navigate")
    String tech_navigate();
    @Message("Van stock")
    String tech_van_stock();
    @Message("Nothing in the van.")
    String tech_van_empty();
    @Message("{count} in the van")
    String tech_in_van(String count);
    @Message("Parts used")
    String tech_parts_used();
    @Message("Notes")
    String tech_notes();
    @Message("Record done")
    String tech_record_done();
    @Message("Cancel")
    String tech_cancel();
    @Message("Follow-up visit")
    String tech_follow_up();
    @Message("Time needed (minutes)")
    String tech_follow_up_minutes();
    @Message("Parts to bring (code ×quantity, separated by commas)")
    String tech_follow_up_parts();
    @Message("Skills needed (skill level, e.g. FIBER 3)")
    String tech_follow_up_skills();
    @Message("What is left to do")
    String tech_follow_up_notes();
    @Message("Record: could not finish")
    String tech_record_incomplete();
    @Message("What you found (e.g. nobody home, card left)")
    String tech_no_access_notes();
    @Message("Record: no access")
    String tech_record_no_access();
    @Message("End the day now? Visits not started go back to dispatch.")
    String tech_end_day_question();
    @Message("Between 5 and 600 minutes.")
    String tech_minutes_bad();
    @Message("Write each part as a code and a quantity, e.g. FUSE-5A ×2.")
    String tech_parts_bad();
    @Message("Write each skill with a level from 1 to 5, e.g. FIBER 3.")
    String tech_skills_bad();
    @Message("From 0 to {count}.")
    String tech_quantity_bad(String count);
    @Message("{what}: recorded {time}")
    String tech_recorded(String what, String time);
    @Message("Follow-up visit created: the desk agrees a time with the customer.")
    String tech_follow_up_created();
    @Message("From the office: {text}")
    String tech_office_note(String text);
    @Message("Map of the route")
    String tech_map();
    @Message("Day started")
    String tech_event_DAY_STARTED();
    @Message("On the way")
    String tech_event_EN_ROUTE();
    @Message("Arrived")
    String tech_event_ARRIVED();
    @Message("Taking longer")
    String tech_event_RUNNING_LONG();
    @Message("Break started")
    String tech_event_BREAK_STARTED();
    @Message("Break ended")
    String tech_event_BREAK_ENDED();
    @Message("Done")
    String tech_event_COMPLETED();
    @Message("Could not finish")
    String tech_event_INCOMPLETE();
    @Message("No access")
    String tech_event_NO_ACCESS();
    @Message("Day ended")
    String tech_event_DAY_ENDED();
}
