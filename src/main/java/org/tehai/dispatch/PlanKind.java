package org.tehai.dispatch;

/** A proposal is solved and reviewed; a published plan is what technicians and customers were told. */
public enum PlanKind {
    PROPOSAL, PUBLISHED
}
