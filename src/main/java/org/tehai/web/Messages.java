package org.tehai.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Everything the pages say, in English here and in Japanese in {@code messages/msg_ja.properties}. Templates read
 * them as {@code {msg:key}}; the board's script receives the ones it needs as JSON.
 */
@MessageBundle("msg")
public interface Messages {

    @Message("Tehai")
    String app_name();

    @Message("Sign in")
    String login_title();

    @Message("User")
    String login_user();

    @Message("Password")
    String login_password();

    @Message("The user or password is not right.")
    String login_failed();

    @Message("Sign out")
    String logout();

    @Message("You are signed out.")
    String login_signed_out();

    @Message("Signing in to the pages is not set up on this server: its administrator connects it to the company's sign-in (OpenID Connect).")
    String login_unavailable();

    @Message("日本語")
    String language_other();

    @Message("You may not open this page")
    String forbidden_title();

    @Message("Your role ({role}) does not include this page.")
    String forbidden_detail(String role);

    @Message("Go to my page")
    String forbidden_home();

    @Message("Choose a page")
    String choose_title();

    @Message("Dispatcher board")
    String page_dispatch();

    @Message("Desk")
    String page_desk();

    @Message("Management")
    String page_manage();

    @Message("Technician app")
    String page_tech();

    @Message("Region")
    String board_region();

    @Message("Day")
    String board_day();

    @Message("Propose")
    String board_propose();

    @Message("Stop")
    String board_stop();

    @Message("Publish")
    String board_publish();

    @Message("Proposal")
    String board_proposal();

    @Message("Published")
    String board_published();

    @Message("Live re-planning")
    String board_live();

    @Message("Unassigned")
    String board_unassigned();

    @Message("Map")
    String board_map();

    @Message("Timeline")
    String board_timeline();

    @Message("Visit")
    String board_visit();

    @Message("Loading…")
    String board_loading();

    @Message("No plan yet for this day: press Propose.")
    String board_no_plan();

    @Message("Solving")
    String board_solving();

    @Message("Score")
    String board_score();

    @Message("assigned")
    String board_assigned();

    @Message("elapsed")
    String board_elapsed();

    @Message("Status")
    String board_status();

    @Message("technicians on shift")
    String board_technicians();

    @Message("open")
    String board_open();

    @Message("planned")
    String board_planned();

    @Message("dispatched")
    String board_dispatched();

    @Message("finished")
    String board_finished();

    @Message("today")
    String board_today();

    @Message("tomorrow")
    String board_tomorrow();

    @Message("Why here")
    String board_why_here();

    @Message("Why unassigned")
    String board_why_unassigned();

    @Message("Pin to this technician")
    String board_pin();

    @Message("Unpin")
    String board_unpin();

    @Message("pinned")
    String board_pinned();

    @Message("at risk")
    String board_at_risk();

    @Message("Technician says done about")
    String board_expected_done();

    @Message("Quoted window")
    String board_quoted();

    @Message("Customer available")
    String board_availability();

    @Message("Needs")
    String board_needs();

    @Message("Move to…")
    String board_move_to();

    @Message("Move this visit?")
    String board_move_title();

    @Message("Score change")
    String board_move_impact();

    @Message("Breaks")
    String board_move_breaks();

    @Message("Apply and pin")
    String board_move_apply();

    @Message("Cancel")
    String board_cancel();

    @Message("Position")
    String board_position();

    @Message("best position")
    String board_best_position();

    @Message("Publish this plan?")
    String board_publish_title();

    @Message("{dispatched} visits will be dispatched and {unassigned} left unassigned; {quoted} arrival windows quoted for the first time and {requoted} changed; {notified} notifications go to customers.")
    String board_publish_summary(String dispatched, String unassigned, String quoted, String requoted, String notified);

    @Message("Published version {version}: {dispatched} dispatched, {quoted} windows quoted, {requoted} changed, {notified} customers notified.")
    String board_published_result(String version, String dispatched, String quoted, String requoted, String notified);

    @Message("{minutes} min")
    String board_minutes(String minutes);

    @Message("open")
    String board_status_unplanned();

    @Message("planned")
    String board_status_planned();

    @Message("dispatched")
    String board_status_dispatched();

    @Message("on the way")
    String board_status_en_route();

    @Message("on site")
    String board_status_on_site();

    @Message("done")
    String board_status_done();

    @Message("not finished (another visit needed)")
    String board_status_incomplete();

    @Message("cancelled")
    String board_status_cancelled();

    @Message("Order")
    String board_sort();

    @Message("Most urgent first")
    String board_sort_urgent();

    @Message("Least urgent first")
    String board_sort_least();

    @Message("By visit")
    String board_sort_reference();

    @Message("What the marks mean")
    String board_legend();

    @Message("Its share of the score")
    String board_score_impact();

    @Message("Stop after no improvement for (s)")
    String board_unimproved();

    @Message("Home region")
    String header_region();

    @Message("newly assigned")
    String board_diff_new();

    @Message("other technician")
    String board_diff_moved();

    @Message("new time")
    String board_diff_retimed();

    @Message("newly unassigned")
    String board_diff_unassigned();

    @Message("quoted window broken")
    String board_window_broken();

    @Message("drive")
    String board_drive();

    @Message("break")
    String board_break();

    @Message("shift")
    String board_shift();

    @Message("depot")
    String board_depot();

    @Message("none")
    String board_none();

    @Message("Close")
    String board_close();

    @Message("The request failed")
    String board_error();
    @Message("The request has a mistake.")
    String board_problem_400();
    @Message("Your role does not allow this.")
    String board_problem_403();
    @Message("It was not found.")
    String board_problem_404();
    @Message("It conflicts with a change made meanwhile.")
    String board_problem_409();
    @Message("It cannot be done in the present state.")
    String board_problem_422();
    @Message("Too many requests; wait a moment.")
    String board_problem_429();
    @Message("The server could not do it; try again.")
    String board_problem_500();

    @Message("Time limit (s)")
    String board_limits();
}
