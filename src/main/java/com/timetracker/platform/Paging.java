package com.timetracker.platform;

import java.util.List;
import java.util.function.Function;

/**
 * V1's page-style paging: {@code page} ≥ 1, {@code page_size} 1–100 (default 20), V1's stray
 * {@code size} accepted as an alias. Out-of-range values are a 422, not silently clamped.
 */
public record Paging(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static Paging of(Integer page, Integer pageSize, Integer size) {
        int p = page == null ? 1 : page;
        int s = pageSize != null ? pageSize : size != null ? size : DEFAULT_SIZE;
        if (p < 1) {
            throw ApiException.invalid("page: must be 1 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.invalid("page_size: must be between 1 and " + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    /** The response: {@code {items, total, page, page_size, pages}}. */
    public record Page<T>(List<T> items, long total, int page, int pageSize, long pages) {
    }

    public <S, T> Page<T> page(List<S> rows, long total, Function<S, T> mapper) {
        long pages = Math.max(1, (total + pageSize - 1) / pageSize);
        return new Page<>(rows.stream().map(mapper).toList(), total, page, pageSize, pages);
    }
}
