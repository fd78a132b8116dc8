package org.tehai.notification;

/** Pending until the gateway accepted it; given up only after the configured number of attempts. */
public enum DeliveryStatus {
    PENDING, DELIVERED, GIVEN_UP
}
