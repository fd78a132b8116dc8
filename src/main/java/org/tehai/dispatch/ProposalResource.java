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
    @POST
    @Path("/proposals")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public Response propose(@PathParam("region") String region, @PathParam("date") String date,
            ProposalRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        ProposalView view = workflow.propose(region, day(date), request, false);
        return Response.accepted(view).location(location(uri, region, date, "proposals/current")).build();
    }

    @GET
    @Path("/proposals/current")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public ProposalView current(@PathParam("region") String region, @PathParam("date") String date) {
        return workflow.current(region, day(date));
    }

    /** Stops solving; the best plan found so far is kept. */
    @DELETE
    @Path("/proposals/current")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public ProposalView stop(@PathParam("region") String region, @PathParam("date") String date) {
        return workflow.stop(region, day(date));
    }

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
    @GET
    @Path("/unassigned")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public Explanation unassigned(@PathParam("region") String region, @PathParam("date") String date,
            @QueryParam("plan") String plan) {
        return explanation.explainUnassigned(region, day(date), planKind(plan));
    }

    /** Why each visit sits where it does; {@code ?visit=} for one visit only. */
    @GET
    @Path("/proposals/current/explanation")
    @RolesAllowed({ Roles.DISPATCHER, Roles.MANAGER, Roles.ADMIN })
    public Explanation explanation(@PathParam("region") String region, @PathParam("date") String date,
            @QueryParam("visit") Long visit) {
        return explanation.explain(region, day(date), visit);
    }

    @POST
    @Path("/proposals/current/moves")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public MoveResult move(@PathParam("region") String region, @PathParam("date") String date, MoveRequest request) {
        return moves.move(region, day(date), request);
    }

    @POST
    @Path("/proposals/current/publish")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public PublicationView publish(@PathParam("region") String region, @PathParam("date") String date) {
        return PublicationView.of(workflow.publish(region, day(date)));
    }

    /** Starts live re-planning of the day: it keeps solving and takes changes until stopped. */
    @POST
    @Path("/live")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public Response startLive(@PathParam("region") String region, @PathParam("date") String date,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        ProposalView view = workflow.propose(region, day(date), null, true);
        return Response.accepted(view).location(location(uri, region, date, "proposals/current")).build();
    }

    @DELETE
    @Path("/live")
    @RolesAllowed({ Roles.DISPATCHER, Roles.ADMIN })
    public ProposalView stopLive(@PathParam("region") String region, @PathParam("date") String date) {
        return workflow.stop(region, day(date));
    }

    /** What publishing did. */
    public record PublicationView(long planId, int version, int dispatched, int unassigned, int windowsQuoted,
            int windowsRequoted) {

        static PublicationView of(PlanPublisher.Publication publication) {
            return new PublicationView(publication.published().id, publication.published().number,
                    publication.dispatched(), publication.unassigned(), publication.quoted(), publication.requoted());
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
