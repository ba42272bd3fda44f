package com.example.clientmgmt.http;

import com.example.clientmgmt.domain.Page;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** Every list answer of the API: {@code {items, nextCursor}}, the cursor null on the last page. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PageView<T>(List<T> items, String nextCursor) {
    public static <D, V> PageView<V> of(Page<D> page, Function<D, V> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.nextCursor());
    }

    /** A list that always fits in one page. */
    public static <V> PageView<V> all(List<V> items) {
        return new PageView<>(items, null);
    }
}
