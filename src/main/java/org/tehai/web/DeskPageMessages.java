package org.tehai.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the agent's console says, in English here and in Japanese in {@code messages/desk_ja.properties}; the names
 * of codes and states it shows are in {@link DeskPageLabels}. The template reads these as {@code {desk:key}}; the
 * console's script receives both bundles as JSON. Bundles of their own rather than more of {@link Messages}: Qute
 * splits a bundle of more than 300 messages into several generated methods, and that split does not load in Quarkus
 * 3.33 (a VerifyError at start), so each bundle stays well below 300.
 */
@MessageBundle("desk")
public interface DeskPageMessages {

    @Message("Find the caller")
    String desk_search_label();
    @Message("Phone, name, ticket no. or address")
    String desk_search_placeholder();
    @Message("Results appear while you type; arrow keys choose, Enter opens.")
    String desk_search_hint();
    @Message("New caller")
    String desk_new_caller();
    @Message("Name and phone number are enough; the address and the equipment can come later.")
    String desk_new_caller_hint();
    @Message("Region")
    String desk_region();
    @Message("Callers")
    String desk_results();
    @Message("Type at least two characters.")
    String desk_results_empty();
    @Message("Call-backs due")
    String desk_callbacks_due();
    @Message("Caller")
    String desk_card();
    @Message("Search for the caller: the card shows their open tickets, incidents, visits and last contacts.")
    String desk_card_empty();
    @Message("Ticket")
    String desk_work();
    @Message("Open a ticket from the card, or take a new caller's report.")
    String desk_work_empty();
    @Message("The request failed")
    String desk_error();
    @Message("The request has a mistake.")
    String desk_problem_400();
    @Message("Your role does not allow this.")
    String desk_problem_403();
    @Message("It was not found.")
    String desk_problem_404();
    @Message("It conflicts with a change made meanwhile.")
    String desk_problem_409();
    @Message("It cannot be done in the present state.")
    String desk_problem_422();
    @Message("Too many requests; wait a moment.")
    String desk_problem_429();
    @Message("The server could not do it; try again.")
    String desk_problem_500();
    @Message("The call-back time is in the past.")
    String desk_problem_dueAt_400();
    @Message("The contact time is in the future.")
    String desk_problem_occurredAt_400();
    @Message("It has already been closed or moved on.")
    String desk_problem_status_409();
    @Message("The ticket is closed or covered by an incident.")
    String desk_problem_ticketId_409();
    @Message("The address is not known well enough yet.")
    String desk_problem_siteId_422();
    @Message("That time was not offered for this visit.")
    String desk_problem_optionId_400();
    @Message("That trouble is not in the catalogue.")
    String desk_problem_troubleCode_422();
    @Message("Someone else saved a change first.")
    String desk_problem_version_409();
    @Message("{count} found")
    String desk_found(String count);
    @Message("No customer found.")
    String desk_found_none();
    @Message("incident")
    String desk_incident();
    @Message("Area outage")
    String desk_outage();
    @Message("No address yet")
    String desk_no_address();
    @Message("{count} open")
    String desk_open_tickets_count(String count);
    @Message("Read out to the caller")
    String desk_read_out();
    @Message("No status text yet: say we are looking into it.")
    String desk_no_status_text();
    @Message("Window told")
    String desk_window_told();
    @Message("Planned")
    String desk_planned();
    @Message("Available from")
    String desk_available_from();
    @Message("repeat")
    String desk_repeat();
    @Message("Phone")
    String desk_phones();
    @Message("Contract")
    String desk_contract();
    @Message("Addresses")
    String desk_addresses();
    @Message("Notes")
    String desk_notes();
    @Message("New ticket")
    String desk_new_ticket();
    @Message("Book a call-back")
    String desk_book_callback();
    @Message("Open tickets")
    String desk_open_tickets();
    @Message("None")
    String desk_none();
    @Message("Upcoming visits")
    String desk_upcoming_visits();
    @Message("Last contacts")
    String desk_last_contacts();
    @Message("Choose a ticket on the card, or open a new one.")
    String desk_choose_ticket();
    @Message("For")
    String desk_for();
    @Message("Caller's name")
    String desk_caller_name();
    @Message("Phone number")
    String desk_caller_phone();
    @Message("A new customer, even if the number is known")
    String desk_new_customer();
    @Message("Address")
    String desk_address();
    @Message("Not known yet")
    String desk_not_known_yet();
    @Message("Equipment")
    String desk_equipment();
    @Message("Category")
    String desk_category();
    @Message("Trouble")
    String desk_trouble();
    @Message("Impact")
    String desk_impact();
    @Message("Not asked")
    String desk_not_asked();
    @Message("What the caller says")
    String desk_description();
    @Message("Suggested priority")
    String desk_suggested_priority();
    @Message("Priority")
    String desk_priority();
    @Message("Why another priority")
    String desk_override_reason();
    @Message("Open the ticket")
    String desk_open_ticket();
    @Message("Enter the caller's name.")
    String desk_need_name();
    @Message("Enter the phone number.")
    String desk_need_phone();
    @Message("Choose the trouble.")
    String desk_need_trouble();
    @Message("Say why the priority differs from the suggested one.")
    String desk_need_reason();
    @Message("Several customers share this number. Which one is calling?")
    String desk_which_customer();
    @Message("None of them: a new customer")
    String desk_a_new_customer();
    @Message("Related open tickets")
    String desk_related();
    @Message("{count} more about other trouble in the building")
    String desk_related_more(String count);
    @Message("A declared outage: no visit per caller; it is fixed at the source.")
    String desk_outage_no_visit();
    @Message("One visit to the shared equipment will serve every caller; it is not arranged yet.")
    String desk_incident_visit_pending();
    @Message("One visit to the shared equipment for every caller")
    String desk_incident_visit();
    @Message("Ticket opened. Tell the caller the number: {number}.")
    String desk_ticket_opened(String number);
    @Message("Customer")
    String desk_customer();
    @Message("caller said \"{name}\"")
    String desk_caller_said(String name);
    @Message("Add the address")
    String desk_add_address();
    @Message("suggested {priority}")
    String desk_suggested_was(String priority);
    @Message("Opened")
    String desk_opened();
    @Message("Respond by")
    String desk_sla_due();
    @Message("Visits")
    String desk_visits();
    @Message("Closed with")
    String desk_closing();
    @Message("What the caller wants")
    String desk_actions();
    @Message("Where is the technician?")
    String desk_where();
    @Message("When can someone come?")
    String desk_when();
    @Message("Log a contact")
    String desk_log_contact();
    @Message("Close the complaint")
    String desk_close_complaint();
    @Message("The technician")
    String desk_the_technician();
    @Message("Say to the caller")
    String desk_say();
    @Message("The visit is not scheduled yet; we will tell you the time as soon as it is.")
    String desk_say_not_planned();
    @Message("The visit is finished.")
    String desk_say_done();
    @Message("{name} is at your address now.")
    String desk_say_on_site(String name);
    @Message("{name} is on the way to you")
    String desk_say_on_the_way(String name);
    @Message("{name} has {count} visit(s) before yours")
    String desk_say_before(String name, String count);
    @Message(".")
    String desk_say_end();
    @Message("; we told you {window}, and that still holds.")
    String desk_say_told_holds(String window);
    @Message("; we told you {window}, but the arrival now looks like about {estimate} ({reason}).")
    String desk_say_told_late(String window, String estimate, String reason);
    @Message("The new time is {window}; we will send it to you as well.")
    String desk_say_requoted(String window);
    @Message("A technician will come {window}; we will send you a message with the time.")
    String desk_say_booked(String window);
    @Message("New window told: {window} ({reason})")
    String desk_note_requoted(String window, String reason);
    @Message("Visit booked: {window}")
    String desk_note_booked(String window);
    @Message("Where is the technician? Told: {told}")
    String desk_note_arrival_told(String told);
    @Message("Call-back booked for {when}: {reason}")
    String desk_note_callback_booked(String when, String reason);
    @Message("Tracking page opened ({state})")
    String desk_note_tracking_view(String state);
    @Message("We will call you back at {when} on {phone}.")
    String desk_say_callback(String when, String phone);
    @Message("Loading…")
    String desk_loading();
    @Message("State")
    String desk_state();
    @Message("at risk")
    String desk_at_risk();
    @Message("Technician")
    String desk_technician();
    @Message("Visits before this one")
    String desk_visits_before();
    @Message("Live estimate")
    String desk_live_estimate();
    @Message("{minutes} min late")
    String desk_late_by(String minutes);
    @Message("Last position")
    String desk_last_position();
    @Message("{minutes} min ago")
    String desk_minutes_ago(String minutes);
    @Message("Reason for the new window")
    String desk_requote_reason();
    @Message("Give a new window")
    String desk_requote();
    @Message("Say why the window changes; it is kept in the quote history.")
    String desk_need_requote_reason();
    @Message("Windows told")
    String desk_quote_history();
    @Message("Told at")
    String desk_told_at();
    @Message("Window")
    String desk_window();
    @Message("Why")
    String desk_why();
    @Message("published plan")
    String desk_quote_plan();
    @Message("Looking for times…")
    String desk_searching_slots();
    @Message("Best first. Offer them in order; one click books the time the caller takes.")
    String desk_slots_hint();
    @Message("{count} visits before")
    String desk_visits_before_n(String count);
    @Message("Book")
    String desk_book();
    @Message("Book {window}")
    String desk_book_this(String window);
    @Message("No time can be offered in the next days.")
    String desk_no_slots();
    @Message("When to call")
    String desk_callback_when();
    @Message("About")
    String desk_callback_about();
    @Message("Choose when to call back.")
    String desk_need_when();
    @Message("Say what the call-back is about.")
    String desk_need_about();
    @Message("overdue")
    String desk_overdue();
    @Message("What was said")
    String desk_callback_notes();
    @Message("Done")
    String desk_done();
    @Message("Not reached")
    String desk_failed();
    @Message("No call-backs due.")
    String desk_no_callbacks();
    @Message("Write what was said (or why nobody answered).")
    String desk_need_notes();
    @Message("Call-back done.")
    String desk_callback_done();
    @Message("Call-back recorded as not reached.")
    String desk_callback_failed();
    @Message("Kind")
    String desk_contact_kind();
    @Message("Direction")
    String desk_direction();
    @Message("from the customer")
    String desk_inbound();
    @Message("to the customer")
    String desk_outbound();
    @Message("Notes")
    String desk_contact_notes();
    @Message("Log")
    String desk_log();
    @Message("Contact logged.")
    String desk_contact_logged();
    @Message("A complaint closes only with a cause category, the cause and what will prevent it.")
    String desk_close_hint();
    @Message("Cause category")
    String desk_cause_category();
    @Message("Choose…")
    String desk_choose();
    @Message("What caused it")
    String desk_cause_text();
    @Message("What will prevent it from happening again")
    String desk_prevention();
    @Message("What the customer was told")
    String desk_resolution();
    @Message("The complaint was not closed: fill in the marked fields.")
    String desk_complaint_refused();
    @Message("The complaint is closed with its cause and lesson.")
    String desk_complaint_closed();
    @Message("Known address")
    String desk_known_address();
    @Message("A new address")
    String desk_a_new_address();
    @Message("Postal code")
    String desk_postal_code();
    @Message("City")
    String desk_city();
    @Message("Street and number")
    String desk_street();
    @Message("Building")
    String desk_building();
    @Message("Flat")
    String desk_unit();
    @Message("Save the address")
    String desk_save_address();
    @Message("Enter the street address.")
    String desk_need_street();
    @Message("Address saved on the ticket.")
    String desk_address_saved();
}
