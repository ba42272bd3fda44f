package com.example.clientmgmt.domain;

import java.util.function.Function;

/**
 * One field of a partial update: left as it is (absent from the request), cleared (sent as null) or set.
 * Partial updates built from these change only what the user sent.
 */
public sealed interface Change<T> {
    record Keep<T>() implements Change<T> {}
    record Clear<T>() implements Change<T> {}
    record Set<T>(T value) implements Change<T> {}

    static <T> Change<T> keep() {
        return new Keep<>();
    }

    static <T> Change<T> clear() {
        return new Clear<>();
    }

    static <T> Change<T> set(T value) {
        return new Set<>(value);
    }

    default boolean isKeep() {
        return this instanceof Keep;
    }

    /** The value after applying this change to {@code current}. */
    default T applyTo(T current) {
        if (this instanceof Set<T> s) {
            return s.value();
        }
        return this instanceof Clear ? null : current;
    }

    default <R> Change<R> map(Function<T, R> f) {
        if (this instanceof Set<T> s) {
            return set(f.apply(s.value()));
        }
        return this instanceof Clear ? clear() : keep();
    }
}
