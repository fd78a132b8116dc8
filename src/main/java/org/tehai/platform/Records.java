package org.tehai.platform;

import org.tehai.platform.error.ApiProblem;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Loads records by id the way the API reports them missing: 404 for the record a URL names, 422 naming the field
 * for a record that a request body refers to.
 */
public final class Records {

    private Records() {
    }

    /** The record the request's path names; 404 when it does not exist. */
    public static <T> T require(Class<T> type, Object id, String what) {
        if (id instanceof Number number && number.longValue() <= 0) {
            throw ApiProblem.invalid("id", "The id (" + id + ") must be a number above zero.");
        }
        T found = Panache.getEntityManager(type).find(type, id);
        if (found == null) {
            throw ApiProblem.notFound(what, id);
        }
        return found;
    }

    /** The record a request body refers to in {@code field}; null for no id, 422 when it does not exist. */
    public static <T> T reference(Class<T> type, String field, Object id, String what) {
        if (id == null) {
            return null;
        }
        if (id instanceof Number number && number.longValue() <= 0) {
            throw ApiProblem.invalid(field, "The id (" + id + ") must be a number above zero.");
        }
        T found = Panache.getEntityManager(type).find(type, id);
        if (found == null) {
            throw ApiProblem.unknownReference(field, what, id);
        }
        return found;
    }
}
