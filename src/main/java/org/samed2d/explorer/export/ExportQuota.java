package org.samed2d.explorer.export;

/** A limit on a user's exports, checked as an export starts; it throws to refuse. */
@FunctionalInterface
public interface ExportQuota {

    ExportQuota NONE = (active, bytesToday) -> { };

    /**
     * @param active the owner's exports queued or being prepared
     * @param bytesToday the archive bytes of the owner's exports started since midnight UTC
     */
    void check(long active, long bytesToday);
}
