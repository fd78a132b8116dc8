package org.tehai.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tehai.callback.CallbackResource.CallbackRequest;
import org.tehai.callback.CallbackService;
import org.tehai.callback.CallbackTexts;
import org.tehai.dispatch.SlotBooking;
import org.tehai.dispatch.SlotOptions;
import org.tehai.dispatch.SlotSearch;
import org.tehai.platform.error.ApiProblem;
import org.tehai.web.TrackingFacts.Tracked;
import org.tehai.web.TrackingLimits.Use;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The customer's tracking page, {@code /t/{token}}: no sign-in, the token is the key to one visit. The page shows the
 * window told and the state; "please call me" books a call-back on the desk's queue; "I can't be there" offers the
 * next times for a visit not yet dispatched (and books the one chosen), else a call-back. Every answer is a page in
 * the reader's language: 404 for a link that opens nothing (never saying why), 429 when used too often.
 */
@Path("/t/{token}")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class TrackingPage {

    /** The times offered to the customer: the next three, over three days. */
    static final int OFFERS = 3;
    static final int OFFER_DAYS = 3;

    /** One time offered, as the customer reads it. */
    public record Offer(String optionId, String day, String window) {
    }

    @Inject
    TrackingFacts facts;

    @Inject
    TrackingLimits limits;

    @Inject
    CallbackService callbacks;

    @Inject
    SlotSearch slots;

    @Inject
    SlotBooking booking;

    @Inject
    @Location("tracking.html")
    Template page;

    @Context
    HttpHeaders headers;

    @Context
    HttpServerRequest request;

    @GET
    public Response view(@PathParam("token") String token) {
        return answer(token, false, tracked -> render(200, token, tracked, "view"));
    }

    @POST
    @Path("call-me")
    public Response callMe(@PathParam("token") String token) {
        return answer(token, true, tracked -> callBack(token, tracked, "called"));
    }

    @GET
    @Path("other-time")
    public Response otherTimes(@PathParam("token") String token) {
        return answer(token, true, tracked -> {
            if (!tracked.rebookable()) {
                return render(200, token, tracked, "other-time");
            }
            try {
                SlotOptions found = slots.options(tracked.visitId(), null, OFFER_DAYS, OFFERS, false);
                return render(200, token, tracked, "other-time").data("offers", offers(found, locale()));
            } catch (ApiProblem refused) {
                return render(200, token, tracked, "other-time");
            }
        });
    }

    @POST
    @Path("other-time")
    public Response book(@PathParam("token") String token, @FormParam("option") String option) {
        return answer(token, true, tracked -> {
            if (!tracked.rebookable() || option == null || option.isBlank() || option.length() > 200) {
                return render(409, token, tracked, "not-booked");
            }
            try {
                booking.book(tracked.visitId(), new SlotBooking.BookingRequest(null, null, option.strip()),
                        "the customer (tracking link)");
            } catch (ApiProblem refused) {
                return render(409, token, tracked, "not-booked");
            }
            return render(200, token, facts.facts(token, locale()).orElse(tracked), "booked");
        });
    }

    /** The shared checks: the address's limit, the link, the link's limit, and for buttons the action limit. */
    private Response answer(String token, boolean action, java.util.function.Function<Tracked, TemplateInstance> then) {
        Optional<Duration> wait = limits.use(Use.ADDRESS, clientAddress());
        if (wait.isPresent()) {
            return limited(wait.get());
        }
        Optional<Tracked> tracked = action ? facts.facts(token, locale()) : facts.look(token, locale());
        if (tracked.isEmpty()) {
            return page(404, bare("gone"));
        }
        String link = tracked.get().visitId() + ":" + tracked.get().ticketId();
        wait = limits.use(Use.LINK, link).or(() -> action ? limits.use(Use.ACTION, link) : Optional.empty());
        if (wait.isPresent()) {
            return limited(wait.get());
        }
        TemplateInstance shown = then.apply(tracked.get());
        Object status = shown.getAttribute("status");
        return page(status instanceof Integer s ? s : 200, shown);
    }

    private TemplateInstance callBack(String token, Tracked tracked, String mode) {
        if (!tracked.callbackDue()) {
            callbacks.book(new CallbackRequest(tracked.ticketId(), null, OffsetDateTime.now(),
                    CallbackTexts.askedOnTrackingPage(String.valueOf(tracked.state())), null));
        }
        return render(200, token, facts.facts(token, locale()).orElse(tracked), mode);
    }

    private static List<Offer> offers(SlotOptions found, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        DateTimeFormatter day = TrackingFacts.dayFormat(locale);
        return found.options().stream().map(o -> new Offer(o.optionId(), day.format(o.window().start()),
                time.format(o.window().start()) + "–" + time.format(o.window().end()))).toList();
    }

    private TemplateInstance render(int status, String token, Tracked tracked, String mode) {
        TemplateInstance shown = bare(mode).data("t", tracked).data("token", token).data("offers", List.of());
        shown.setAttribute("status", status);
        return shown;
    }

    private TemplateInstance bare(String mode) {
        Locale locale = locale();
        String language = locale.getLanguage();
        return page.data("mode", mode).data("language", language).data("other", language.equals("ja") ? "en" : "ja")
                .data("t", null).data("token", null).data("offers", List.of()).data("retry", null).setLocale(locale);
    }

    private Response limited(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return Response.fromResponse(page(429, bare("limited").data("retry", String.valueOf(minutes))))
                .header("Retry-After", Math.max(1, wait.toSeconds())).build();
    }

    private static Response page(int status, TemplateInstance shown) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex").entity(shown.render()).build();
    }

    private Locale locale() {
        return PageLocale.of(headers);
    }

    private String clientAddress() {
        var remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
