package org.tehai.ticket;

/** P1 (service down, urgent) .. P4 (cosmetic, plan at leisure). Drives the SLA due time and planning weight. */
public enum Priority {
    P1, P2, P3, P4
}
