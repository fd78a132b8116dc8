package org.tehai.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.tehai.platform.security.Roles;
import org.tehai.preference.Preferences;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What every page's header shows: who is signed in, the pages their roles open, the language and the switch to
 * the other one. Pages render their template through {@link #render} so the language is the person's.
 */
@RequestScoped
public class PageFrame {

    @Inject
    SecurityIdentity identity;

    @Context
    HttpHeaders headers;

    @Inject
    ObjectMapper json;

    /** A page a role may open, for the header's navigation. */
    public record NavLink(String path, String label, boolean current) {
    }

    /** The header's data; {@code otherLanguage} is the tag the switch changes to. */
    public record Frame(String user, String roles, String language, String otherLanguage, String path,
            List<NavLink> pages, boolean forms, String homeRegion) {
    }

    @Inject
    Preferences preferences;

    private Preferences.View kept;

    /**
     * What the signed-in person chose to start from (region, language); nothing for somebody not signed in, nor on
     * a refusal answered before any worker thread (no database there: the cookie and the browser decide).
     */
    public Preferences.View preferences() {
        if (kept == null) {
            kept = identity.isAnonymous() || io.vertx.core.Context.isOnEventLoopThread()
                    ? new Preferences.View(null, null, null)
                    : preferences.of(identity.getPrincipal().getName());
        }
        return kept;
    }

    public Locale locale() {
        return PageLocale.of(headers, preferences().language());
    }

    public TemplateInstance render(TemplateInstance page, String currentPath) {
        Locale locale = locale();
        return page.data("frame", frame(locale, currentPath, true)).setLocale(locale);
    }

    /**
     * An error page: refused before the page's own processing, it has no form token, so its header offers no
     * form (the way on is a link).
     */
    public TemplateInstance renderRefusal(TemplateInstance page, String currentPath) {
        Locale locale = locale();
        return page.data("frame", frame(locale, currentPath, false)).setLocale(locale);
    }

    /** The page a person lands on: their role's page; an admin chooses. */
    public String home() {
        if (identity.hasRole(Roles.ADMIN)) {
            return "/choose";
        }
        if (identity.hasRole(Roles.DISPATCHER)) {
            return "/dispatch";
        }
        if (identity.hasRole(Roles.AGENT)) {
            return "/desk";
        }
        if (identity.hasRole(Roles.MANAGER)) {
            return "/manage";
        }
        if (identity.hasRole(Roles.TECHNICIAN)) {
            return "/tech";
        }
        return "/login";
    }

    /**
     * A page's words in the person's language, for its script: every message of the bundles whose name starts with
     * {@code prefix}, a message's parameters left as {@code {name}} for the script to fill in, as a JSON object that
     * can stand inside a script element.
     */
    public String scriptWords(String prefix, Class<?>... bundles) {
        Localized language = Localized.Literal.of(locale().getLanguage());
        Map<String, String> words = new TreeMap<>();
        for (Class<?> bundle : bundles) {
            Object messages = MessageBundles.get(bundle, language);
            for (Method method : bundle.getMethods()) {
                if (!method.getName().startsWith(prefix)) {
                    continue;
                }
                Object[] placeholders = Arrays.stream(method.getParameters()).map(p -> "{" + p.getName() + "}")
                        .toArray();
                try {
                    words.put(method.getName(), (String) method.invoke(messages, placeholders));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("The message (" + method.getName() + ") cannot be read.", e);
                }
            }
        }
        try {
            // Inside a script element "</" must not end it early.
            return json.writeValueAsString(words).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The words of the page cannot be written.", e);
        }
    }

    private Frame frame(Locale locale, String currentPath, boolean forms) {
        Messages messages = MessageBundles.get(Messages.class, Localized.Literal.of(locale.getLanguage()));
        List<NavLink> pages = new ArrayList<>();
        boolean admin = identity.hasRole(Roles.ADMIN);
        if (admin || identity.hasRole(Roles.DISPATCHER)) {
            pages.add(new NavLink("/dispatch", messages.page_dispatch(), currentPath.equals("/dispatch")));
        }
        if (admin || identity.hasRole(Roles.AGENT)) {
            pages.add(new NavLink("/desk", messages.page_desk(), currentPath.equals("/desk")));
        }
        if (admin || identity.hasRole(Roles.AGENT) || identity.hasRole(Roles.MANAGER)) {
            String label = MessageBundles.get(IncidentPageMessages.class, Localized.Literal.of(locale.getLanguage()))
                    .incidents_page();
            pages.add(new NavLink("/incidents", label, currentPath.equals("/incidents")));
        }
        if (admin || identity.hasRole(Roles.MANAGER)) {
            pages.add(new NavLink("/manage", messages.page_manage(), currentPath.equals("/manage")));
        }
        if (identity.hasRole(Roles.TECHNICIAN)) {
            pages.add(new NavLink("/tech", messages.page_tech(), currentPath.equals("/tech")));
        }
        String language = locale.getLanguage();
        return new Frame(identity.isAnonymous() ? null : identity.getPrincipal().getName(),
                String.join(", ", identity.getRoles()), language, language.equals("ja") ? "en" : "ja", currentPath, pages, forms,
                preferences().homeRegion());
    }
}
