package org.tehai.platform.api;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list: the items, where they are in the whole list, and how many there are in total. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        List<T> items = query.page(request.page(), request.size()).list().stream().map(mapper).toList();
        return new Page<>(items, request.page(), request.size(), query.count());
    }
}
