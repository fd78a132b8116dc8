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
 * The agent's console: one search box for whatever the caller gives, the caller card with the banners to read out,
 * intake, "where is the technician?", slot offers, call-backs and complaint closing. The page is a frame; its script
 * ({@code /app/desk.js}) reads and acts through the same REST API anyone can use.
 */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
public class DeskPage {

    @Inject
    PageFrame frame;

    @Inject
    RegionService regions;

    @Inject
    @Location("desk.html")
    Template desk;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    public TemplateInstance console() throws JsonProcessingException {
        // The words go into a script element: "</" must not end it early.
        String words = json.writeValueAsString(words()).replace("</", "<\\/");
        return frame.render(desk.data("regions", regions.list()).data("words", words), "/desk");
    }

    /** Every message of the console in the person's language, a message's parameters left as {name} for the script. */
    private Map<String, String> words() {
        Localized language = Localized.Literal.of(frame.locale().getLanguage());
        Map<String, String> words = new TreeMap<>();
        read(DeskPageMessages.class, MessageBundles.get(DeskPageMessages.class, language), words);
        read(DeskPageLabels.class, MessageBundles.get(DeskPageLabels.class, language), words);
        return words;
    }

    private static void read(Class<?> bundle, Object messages, Map<String, String> words) {
        for (Method method : bundle.getMethods()) {
            Object[] placeholders = Arrays.stream(method.getParameters()).map(p -> "{" + p.getName() + "}").toArray();
            try {
                words.put(method.getName(), (String) method.invoke(messages, placeholders));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("The message (" + method.getName() + ") cannot be read.", e);
            }
        }
    }
}
