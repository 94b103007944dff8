package jp.shinchoku.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * One page of a list, as the API answers it: the items, which page (from 0), its size, and how many items and pages
 * there are in all.
 */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static final int MAX_SIZE = 500;

    public PageView {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code all} that {@code page} and {@code size} name; a page past the end is empty.
     *
     * @throws ApiProblem (400) for a negative page or a size outside 1–{@value #MAX_SIZE}
     */
    public static <T> PageView<T> of(List<T> all, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-paging", MAX_SIZE, page, size);
        }
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PageView<>(all.subList(from, to), page, size, all.size(), (all.size() + size - 1) / size);
    }
}
