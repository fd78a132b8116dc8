package org.tehai.customer;

/** The service contract a customer has; it bears on the suggested priority and SLA. */
public enum Contract {
    STANDARD, PREMIUM, BUSINESS
}
