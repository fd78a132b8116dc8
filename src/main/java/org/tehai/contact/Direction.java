package org.tehai.contact;

/** Who started the contact: the customer (inbound) or us (outbound). */
public enum Direction {
    INBOUND, OUTBOUND
}
