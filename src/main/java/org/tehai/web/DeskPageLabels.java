package org.tehai.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The names the agent's console gives codes and states (trouble codes and categories, impacts, statuses, link
 * reasons, contact kinds, complaint causes) and what it says about a refused field, named {@code desk_<kind>_<value>};
 * English here, Japanese in {@code messages/desklabels_ja.properties}. A code without a name here is shown as the
 * catalogue names it.
 */
@MessageBundle("desklabels")
public interface DeskPageLabels {

    @Message("phone")
    String desk_matched_PHONE();
    @Message("ticket no.")
    String desk_matched_TICKET_NUMBER();
    @Message("name")
    String desk_matched_NAME();
    @Message("address")
    String desk_matched_ADDRESS();
    @Message("Standard")
    String desk_contract_STANDARD();
    @Message("Premium")
    String desk_contract_PREMIUM();
    @Message("Business")
    String desk_contract_BUSINESS();
    @Message("shared equipment")
    String desk_reason_SHARED_EQUIPMENT();
    @Message("same address again")
    String desk_reason_REPEAT_CONTACT();
    @Message("same building")
    String desk_reason_SAME_BUILDING();
    @Message("same trouble nearby")
    String desk_reason_SAME_CATEGORY_NEARBY();
    @Message("other trouble, same building")
    String desk_reason_OTHER_TROUBLE_SAME_BUILDING();
    @Message("Shared equipment")
    String desk_incident_kind_SHARED_EQUIPMENT();
    @Message("Area outage")
    String desk_incident_kind_AREA_OUTAGE();
    @Message("suspected")
    String desk_incident_status_SUSPECTED();
    @Message("confirmed")
    String desk_incident_status_CONFIRMED();
    @Message("resolved")
    String desk_incident_status_RESOLVED();
    @Message("open")
    String desk_status_OPEN();
    @Message("in progress")
    String desk_status_IN_PROGRESS();
    @Message("resolved")
    String desk_status_RESOLVED();
    @Message("closed")
    String desk_status_CLOSED();
    @Message("cancelled")
    String desk_status_CANCELLED();
    @Message("complaint")
    String desk_kind_COMPLAINT();
    @Message("not scheduled yet")
    String desk_arrival_NOT_YET_PLANNED();
    @Message("planned")
    String desk_arrival_PLANNED();
    @Message("on the way")
    String desk_arrival_ON_THE_WAY();
    @Message("on site")
    String desk_arrival_ON_SITE();
    @Message("done")
    String desk_arrival_DONE();
    @Message("the previous job overran")
    String desk_late_previous_job_overran();
    @Message("traffic")
    String desk_late_traffic();
    @Message("the technician's shift ended")
    String desk_late_technician_off_shift();
    @Message("running late")
    String desk_late_running_late();
    @Message("not planned")
    String desk_visit_status_UNPLANNED();
    @Message("planned")
    String desk_visit_status_PLANNED();
    @Message("dispatched")
    String desk_visit_status_DISPATCHED();
    @Message("on the way")
    String desk_visit_status_EN_ROUTE();
    @Message("on site")
    String desk_visit_status_ON_SITE();
    @Message("done")
    String desk_visit_status_DONE();
    @Message("not finished")
    String desk_visit_status_INCOMPLETE();
    @Message("cancelled")
    String desk_visit_status_CANCELLED();
    @Message("asked by the customer")
    String desk_callback_kind_CUSTOMER_REQUEST();
    @Message("window at risk")
    String desk_callback_kind_ARRIVAL_RISK();
    @Message("nobody at home")
    String desk_callback_kind_NO_ACCESS();
    @Message("new report")
    String desk_contact_NEW_REPORT();
    @Message("where is the technician")
    String desk_contact_ARRIVAL_INQUIRY();
    @Message("complaint")
    String desk_contact_COMPLAINT();
    @Message("call-back booked")
    String desk_contact_CALLBACK_REQUEST();
    @Message("call-back done")
    String desk_contact_CALLBACK_DONE();
    @Message("call-back not reached")
    String desk_contact_CALLBACK_FAILED();
    @Message("other")
    String desk_contact_OTHER();
    @Message("tracking page opened")
    String desk_contact_TRACKING_VIEW();
    @Message("not yet planned")
    String desk_track_state_NOT_YET_PLANNED();
    @Message("planned")
    String desk_track_state_PLANNED();
    @Message("on the way")
    String desk_track_state_ON_THE_WAY();
    @Message("on site")
    String desk_track_state_ON_SITE();
    @Message("done")
    String desk_track_state_DONE();
    @Message("not finished")
    String desk_track_state_NOT_FINISHED();
    @Message("cancelled")
    String desk_track_state_CANCELLED();
    @Message("late arrival")
    String desk_cause_LATE_ARRIVAL();
    @Message("missed appointment")
    String desk_cause_MISSED_APPOINTMENT();
    @Message("repeat fault")
    String desk_cause_REPEAT_FAULT();
    @Message("quality of work")
    String desk_cause_QUALITY_OF_WORK();
    @Message("staff conduct")
    String desk_cause_STAFF_CONDUCT();
    @Message("communication")
    String desk_cause_COMMUNICATION();
    @Message("billing")
    String desk_cause_BILLING();
    @Message("no problem found")
    String desk_cause_NO_PROBLEM_FOUND();
    @Message("other")
    String desk_cause_OTHER();
    @Message("Choose the cause category.")
    String desk_field_causeCategory();
    @Message("Say what caused the complaint; \"no problem found\" is not a cause.")
    String desk_field_causeText();
    @Message("Say what will prevent it from happening again.")
    String desk_field_preventionAction();
    @Message("Check the phone number.")
    String desk_field_caller_phone();
    @Message("Check the caller's name.")
    String desk_field_caller_name();
    @Message("Say why the priority differs from the suggested one.")
    String desk_field_priorityOverrideReason();
    @Message("Choose a trouble from the catalogue.")
    String desk_field_troubleCode();
    @Message("Type at least two characters: a phone number, ticket number, name or address.")
    String desk_field_q();
    @Message("Check the call-back time.")
    String desk_field_dueAt();
    @Message("Say why.")
    String desk_field_reason();
    @Message("This ticket cannot take that.")
    String desk_field_ticketId();
    @Message("Check the address.")
    String desk_field_siteId();
    @Message("The visit is no longer open for this.")
    String desk_field_status();
    @Message("Someone else changed this ticket; open it again.")
    String desk_field_version();
    @Message("That time is no longer offered; look for times again.")
    String desk_field_optionId();
    @Message("Enter the street address.")
    String desk_field_street();
    @Message("cannot use the service at all")
    String desk_impact_NO_SERVICE();
    @Message("part of the service does not work")
    String desk_impact_PART_OF_SERVICE();
    @Message("works, but badly")
    String desk_impact_DEGRADED();
    @Message("an annoyance only")
    String desk_impact_INCONVENIENCE();
    @Message("safety risk")
    String desk_impact_SAFETY_RISK();
    @Message("TV")
    String desk_cat_TV();
    @Message("Internet")
    String desk_cat_INTERNET();
    @Message("Phone")
    String desk_cat_PHONE();
    @Message("PC")
    String desk_cat_PC();
    @Message("Building")
    String desk_cat_BUILDING();
    @Message("Other")
    String desk_cat_OTHER();
    @Message("Complaint")
    String desk_cat_COMPLAINT();
    @Message("No TV signal on any channel")
    String desk_code_TV_NO_SIGNAL();
    @Message("Picture breaks up or freezes")
    String desk_code_TV_PIXELATION();
    @Message("Set-top box does not start")
    String desk_code_TV_SETTOP_DEAD();
    @Message("No internet: terminal shows no sync")
    String desk_code_INTERNET_NO_SYNC();
    @Message("Internet much slower than contracted")
    String desk_code_INTERNET_SLOW();
    @Message("Fibre drop cable damaged")
    String desk_code_INTERNET_FIBER_CUT();
    @Message("Wi-Fi weak in parts of the home")
    String desk_code_WIFI_WEAK();
    @Message("No dial tone")
    String desk_code_PHONE_NO_DIAL_TONE();
    @Message("Computer does not start")
    String desk_code_PC_NO_BOOT();
    @Message("Building intercom dead")
    String desk_code_INTERCOM_DEAD();
    @Message("Question or advice, no fault")
    String desk_code_OTHER_QUESTION();
    @Message("Technician late or did not come")
    String desk_code_COMPLAINT_LATE_TECHNICIAN();
    @Message("Fault came back after a repair")
    String desk_code_COMPLAINT_REPEAT_FAULT();
    @Message("Unhappy with our service")
    String desk_code_COMPLAINT_SERVICE();
}
