package org.tehai.callback;

/** A call-back is due until someone reaches the customer (done) or gives up after trying (failed). */
public enum CallbackStatus {
    DUE, DONE, FAILED
}
