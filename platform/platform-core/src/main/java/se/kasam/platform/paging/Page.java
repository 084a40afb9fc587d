package se.kasam.platform.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list, the same shape in every service. {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        int totalPages = (int) ((totalItems + request.size - 1) / request.size);
        return new Page<>(List.copyOf(items), request.page, request.size, totalItems, totalPages);
    }

    /** The requested page of a query, with the query's total count. */
    public static <E> Page<E> of(PanacheQuery<E> query, PageRequest request) {
        return of(query.page(request.page, request.size).list(), request, query.count());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
