package org.tehai.callback;

/** Why the desk must call: the customer asked for it, or a quoted arrival window is at risk. */
public enum CallbackKind {
    CUSTOMER_REQUEST, ARRIVAL_RISK
}
