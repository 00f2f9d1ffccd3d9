package io.tidbcloud.api.paging;

/** Which slice of a list to answer: a zero-based offset and a page size. */
public record PageRequest(int offset, int size) {

    /** The nextPageToken's offset, or empty when this page reaches the end of {@code total} rows. */
    public java.util.OptionalInt nextOffset(long total) {
        long next = (long) offset + size;
        return next < total ? java.util.OptionalInt.of((int) next) : java.util.OptionalInt.empty();
    }
}
