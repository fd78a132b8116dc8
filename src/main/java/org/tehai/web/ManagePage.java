package org.tehai.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tehai.platform.security.Roles;
import org.tehai.region.RegionService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The manager's page: the KPIs of a region and period as tiles with their definitions, charts of them over the
 * period, the trouble-code catalogue, the notification outbox's state and the regions' publish policy. The page is a
 * frame; its script ({@code /app/manage.js}) reads the same REST API anyone can ({@code /api/kpis}, ...).
 */
@Path("/manage")
@Produces(MediaType.TEXT_HTML)
public class ManagePage {

    @Inject
    PageFrame frame;

    @Inject
    RegionService regions;

    @Inject
    @Location("manage.html")
    Template manage;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.ADMIN })
    public TemplateInstance page() throws JsonProcessingException {
        // The words go into a script element: "</" must not end it early.
        String words = json.writeValueAsString(words()).replace("</", "<\\/");
        return frame.render(manage.data("regions", regions.list()).data("words", words), "/manage");
    }

    private Map<String, String> words() {
        ManagePageMessages messages = MessageBundles.get(ManagePageMessages.class,
                Localized.Literal.of(frame.locale().getLanguage()));
        Map<String, String> words = new TreeMap<>();
        for (Method method : ManagePageMessages.class.getMethods()) {
            Object[] placeholders = Arrays.stream(method.getParameters()).map(p -> "{" + p.getName() + "}").toArray();
            try {
                words.put(method.getName(), (String) method.invoke(messages, placeholders));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The message (" + method.getName() + ") cannot be read.", e);
            }
        }
        return words;
    }
}
