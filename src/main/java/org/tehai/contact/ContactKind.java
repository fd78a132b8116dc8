package org.tehai.contact;

/**
 * Why someone talked to someone: the desk's interaction categories. {@code TRACKING_VIEW} is the customer opening
 * the visit's tracking page: logged, but nobody talked, so it never makes a contact a repeat contact.
 */
public enum ContactKind {
    NEW_REPORT, ARRIVAL_INQUIRY, COMPLAINT, CALLBACK_REQUEST, CALLBACK_DONE, CALLBACK_FAILED, OTHER, TRACKING_VIEW
}
