package org.tehai.platform.security;

/**
 * Finds the technician record a signed-in technician user stands for. Security sits below the records it protects,
 * so the technician package answers this question for it.
 */
public interface TechnicianLogins {

    /** The id of the active technician whose login this is, or null. */
    Long activeTechnicianId(String login);
}
