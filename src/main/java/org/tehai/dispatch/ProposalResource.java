package org.tehai.dispatch;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.tehai.dispatch.BoardDay.Board;
import org.tehai.dispatch.DispatchWorkflow.ProposalRequest;
import org.tehai.dispatch.DispatchWorkflow.ProposalView;
import org.tehai.dispatch.PlanDiff.Diff;
import org.tehai.dispatch.PlanExplanation.Explanation;
import org.tehai.dispatch.PlanMoves.MoveRequest;
import org.tehai.dispatch.PlanMoves.MoveResult;
import org.tehai.platform.api.InputRules;
import org.tehai.platform.api.QueryValues;
import org.tehai.platform.error.ApiProblem;
import org.tehai.platform.security.Roles;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dispatcher's work on one region-day ({@code region} is the id or the code, {@code date} the local date):
 * propose and follow the solve, see the day's board, review the difference and the reasons, move visits (or preview
 * a move), publish; or keep a live re-planning running during the day. Managers and admins may read.
 */
@Path("/api/regions/{region}/days/{date}")
public class ProposalResource {

    @Inject
    DispatchWorkflow workflow;

    @Inject
    PlanDiff diff;

    @Inject
    PlanExplanation explanation;

    @Inject
    PlanMoves moves;

    @Inject
    BoardDay board;

    /** Starts solving a proposal in the background; 202 with its location. */
    @Operation(summary = "Propose a plan for the day",
            description = "Starts solving in the background and answers 202 with the location of the proposal; spentLimitSeconds and unimprovedSpentLimitSeconds are optional limits.")
    @POST
    @Path("/proposals")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public Response propose(@PathParam("region") String region, @PathParam("date") String date,
            ProposalRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        ProposalView view = workflow.propose(region, day(date), request, false);
        return Response.accepted(view).location(location(uri, region, date, "proposals/current")).build();
    }

    @Operation(summary = "The current proposal and its progress",
            description = "Status (QUEUED, SOLVING, DONE, STOPPED, FAILED), elapsed seconds, best score and its history, visits assigned and unassigned; poll it while the proposal solves.")
    @GET
    @Path("/proposals/current")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public ProposalView current(@PathParam("region") String region, @PathParam("date") String date) {
        return workflow.current(region, day(date));
    }

    /** Stops solving; the best plan found so far is kept. */
    @Operation(summary = "Stop solving, keeping the best plan",
            description = "The best plan found so far stays the proposal.")
    @DELETE
    @Path("/proposals/current")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public ProposalView stop(@PathParam("region") String region, @PathParam("date") String date) {
        return workflow.stop(region, day(date));
    }

    @Operation(summary = "What the proposal changes against the published plan",
            description = "Per visit: other technician, other time, newly assigned or unassigned, quoted window broken; per technician: visits, travel, working time and overtime before and after.")
    @GET
    @Path("/proposals/current/diff")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public Diff diff(@PathParam("region") String region, @PathParam("date") String date) {
        return diff.diff(region, day(date));
    }

    /**
     * The day's plan as the dispatcher's board shows it: per technician on shift its stops in route order, the
     * unassigned visits and, for a proposal, what each visit does against the published plan. {@code plan} is
     * {@code proposal} or {@code published}; without it the open proposal once it has a plan, else the published one.
     */
    @Operation(summary = "The day's board in one answer",
            description = "Per technician on shift its shift, breaks, home and last position and its stops in route order (visits with arrival, start, end, drive, priority, status, quoted window, pin, at risk; depot stops); the unassigned visits; for a proposal, each visit against the published plan. Times in the region's zone.")
    @GET
    @Path("/board")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public Board board(@PathParam("region") String region, @PathParam("date") String date,
            @QueryParam("plan") String plan) {
        LocalDate day = day(date);
        return board.board(region, day, planKind(plan));
    }

    /**
     * The visits a plan leaves unassigned, each with the reason in words ({@code plan}: {@code proposal} or
     * {@code published}; without it the open proposal, else the published plan). Quick on a city-size day; for
     * where one of them would fit best, ask the explanation of that visit.
     */
    @Operation(summary = "The visits left unassigned, each with its reason",
            description = "The first rule that rules out every technician, or \"fully booked\"; quick on a city-size day.")
    @GET
    @Path("/unassigned")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public Explanation unassigned(@PathParam("region") String region, @PathParam("date") String date,
            @QueryParam("plan") String plan) {
        return explanation.explainUnassigned(region, day(date), planKind(plan));
    }

    /** Why each visit sits where it does; {@code ?visit=} for one visit only. */
    @Operation(summary = "Why each visit sits where it does",
            description = "Reasons in words and each visit's share of the score, from the solver's score analysis; ?visit= for one visit, which for an unassigned visit adds where it would fit best.")
    @GET
    @Path("/proposals/current/explanation")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public Explanation explanation(@PathParam("region") String region, @PathParam("date") String date,
            @QueryParam("visit") Long visit) {
        return explanation.explain(region, day(date), visit);
    }

    @Operation(summary = "Move a visit (or preview the move)",
            description = "To a technician and a position (the best one when left out); answers the score before and after and any hard rule the move breaks; with \"preview\": true nothing changes. A moved visit is pinned unless \"pin\": false.")
    @POST
    @Path("/proposals/current/moves")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public MoveResult move(@PathParam("region") String region, @PathParam("date") String date, MoveRequest request) {
        return moves.move(region, day(date), request);
    }

    /**
     * What publishing the current proposal would do now (visits dispatched and left unassigned, windows quoted and
     * changed, customers notified), without publishing: the summary the board shows before the dispatcher confirms.
     * 409 when the proposal cannot be published, as publishing would answer.
     */
    @Operation(summary = "What publishing would do now",
            description = "Visits dispatched and left unassigned, arrival windows quoted and changed, notifications to customers: publishing rehearsed and rolled back. 409 when the proposal cannot be published.")
    @GET
    @Path("/proposals/current/publication")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public PublicationPreview publication(@PathParam("region") String region, @PathParam("date") String date) {
        return PublicationPreview.of(workflow.previewPublication(region, day(date)));
    }

    @Operation(summary = "Publish the proposal",
            description = "A new published version: visits dispatched in route order, windows quoted to the customers whose arrival left their window (or who had none), customers notified.")
    @POST
    @Path("/proposals/current/publish")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public PublicationView publish(@PathParam("region") String region, @PathParam("date") String date) {
        return PublicationView.of(workflow.publish(region, day(date)));
    }

    /** Starts live re-planning of the day: it keeps solving and takes changes until stopped. */
    @Operation(summary = "Start live re-planning of the day",
            description = "Keeps solving and takes new, cancelled and changed visits and shortened shifts as they come, until stopped.")
    @POST
    @Path("/live")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public Response startLive(@PathParam("region") String region, @PathParam("date") String date,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        ProposalView view = workflow.propose(region, day(date), null, true);
        return Response.accepted(view).location(location(uri, region, date, "proposals/current")).build();
    }

    @Operation(summary = "Stop live re-planning",
            description = "The best plan so far is kept as the proposal.")
    @DELETE
    @Path("/live")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public ProposalView stopLive(@PathParam("region") String region, @PathParam("date") String date) {
        return workflow.stop(region, day(date));
    }

    /** What publishing did. */
    public record PublicationView(long planId, int version, int dispatched, int unassigned, int windowsQuoted,
            int windowsRequoted, int customersNotified) {

        static PublicationView of(PlanPublisher.Publication publication) {
            return new PublicationView(publication.published().id, publication.published().number,
                    publication.dispatched(), publication.unassigned(), publication.quoted(), publication.requoted(),
                    publication.notified());
        }
    }

    /** What publishing would do now. */
    public record PublicationPreview(int dispatched, int unassigned, int windowsQuoted, int windowsRequoted,
            int customersNotified) {

        static PublicationPreview of(PlanPublisher.Publication publication) {
            return new PublicationPreview(publication.dispatched(), publication.unassigned(), publication.quoted(),
                    publication.requoted(), publication.notified());
        }
    }

    /** {@code proposal} or {@code published} (any case); null when absent. */
    private static PlanKind planKind(String plan) {
        if (plan == null || plan.isEmpty()) {
            return null;
        }
        for (PlanKind kind : PlanKind.values()) {
            if (kind.name().equalsIgnoreCase(plan)) {
                return kind;
            }
        }
        throw ApiProblem.invalid("plan", "The plan (" + InputRules.echo(plan) + ") is neither proposal nor published.");
    }

    private static LocalDate day(String date) {
        return QueryValues.date("date", date);
    }

    private static URI location(UriInfo uri, String region, String date, String rest) {
        return uri.getBaseUriBuilder().path("api/regions").path(region).path("days").path(date).path(rest).build();
    }
}
