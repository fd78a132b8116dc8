package org.tehai.callback;

/**
 * Why the desk must call: the customer asked for it, a quoted arrival window is at risk, or the technician found
 * nobody at home and a new time must be agreed.
 */
public enum CallbackKind {
    CUSTOMER_REQUEST, ARRIVAL_RISK, NO_ACCESS
}
