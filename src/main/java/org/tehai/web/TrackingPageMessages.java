package org.tehai.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the customer's tracking page says, in English here and in Japanese in {@code messages/track_ja.properties};
 * the template reads these as {@code {track:key}}. A bundle of its own, as each page has (see {@link DeskPageMessages}).
 */
@MessageBundle("track")
public interface TrackingPageMessages {

    @Message("Your technician visit")
    String track_title();
    @Message("Reference {number}")
    String track_reference(String number);
    @Message("We are arranging your visit.")
    String track_state_not_yet_planned();
    @Message("Your visit is planned.")
    String track_state_planned();
    @Message("Your technician is on the way.")
    String track_state_on_the_way();
    @Message("Your technician is with you.")
    String track_state_on_site();
    @Message("The visit is done. Thank you.")
    String track_state_done();
    @Message("The work could not be finished on this visit; we will contact you about the next one.")
    String track_state_not_finished();
    @Message("This visit was cancelled.")
    String track_state_cancelled();
    @Message("Date")
    String track_day();
    @Message("Arrival window")
    String track_window();
    @Message("We will tell you the time as soon as it is set.")
    String track_window_none();
    @Message("Technician")
    String track_technician();
    @Message("Before you")
    String track_before();
    @Message("Visits before yours: {count}")
    String track_visits_before(Integer count);
    @Message("You are next.")
    String track_next();
    @Message("Expected arrival")
    String track_estimate();
    @Message("about {time}")
    String track_estimate_about(String time);
    @Message("Your technician may arrive later than this window. We will call you with a new time.")
    String track_at_risk();
    @Message("Address")
    String track_address();
    @Message("Please call me")
    String track_call_me();
    @Message("I can't be there")
    String track_cannot_be_there();
    @Message("We have your request and will call you soon.")
    String track_callback_due();
    @Message("Thank you. We will call you soon at the number we have for you.")
    String track_called();
    @Message("Choose another time")
    String track_other_time();
    @Message("These are the next times a technician can come. Choose one, or ask us to call you.")
    String track_other_time_hint();
    @Message("We cannot offer another time on this page for this visit. We can call you to agree one.")
    String track_other_time_none();
    @Message("Book {day} {window}")
    String track_book(String day, String window);
    @Message("Booked. The new time is on this page, and we have sent it to you.")
    String track_booked();
    @Message("That time can no longer be booked. Choose another one, or ask us to call you.")
    String track_not_booked();
    @Message("Call me instead")
    String track_call_instead();
    @Message("Back to your visit")
    String track_back();
    @Message("This link does not open a visit")
    String track_gone_title();
    @Message("The link may be incomplete, or the visit ended more than a day ago. If you need us, please call the number in our message.")
    String track_gone_text();
    @Message("Too many requests")
    String track_limited_title();
    @Message("This page was opened very often. Please try again in {minutes} minutes.")
    String track_limited_text(String minutes);
    @Message("This page shows only your own visit. Please do not share the link.")
    String track_private();
    @Message("Language")
    String track_language();
}
