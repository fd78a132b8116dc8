package org.tehai.contact;

/** Why someone talked to someone: the desk's interaction categories. */
public enum ContactKind {
    NEW_REPORT, ARRIVAL_INQUIRY, COMPLAINT, CALLBACK_REQUEST, CALLBACK_DONE, CALLBACK_FAILED, OTHER
}
