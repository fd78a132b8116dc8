package org.tehai.ticket;

/** How the customer reached us (or we them). */
public enum Channel {
    PHONE, EMAIL, WEB, CHAT, FIELD
}
