package org.samed2d.explorer.segment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.Requester;

/**
 * Results kept for refinement and download: 2,000 at most, each until 30 minutes after its last use, each its
 * owner's. Someone else's result is answered as if it did not exist, so its id tells nothing.
 */
final class SegmentResults {

    record Stored(SegmentResult result, CandidateMasks masks, @Nullable String owner) {
    }

    private final Cache<String, Stored> results = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    void put(Stored stored) {
        results.put(stored.result().id(), stored);
    }

    /** For reading a mask: the owner's, and any admin's. */
    Optional<Stored> readable(String id, Requester requester) {
        return Optional.ofNullable(results.getIfPresent(id)).filter(stored -> requester.mayRead(stored.owner()));
    }

    /** For refining: only the owner's (null for background jobs). */
    Optional<Stored> owned(String id, @Nullable String owner) {
        return Optional.ofNullable(results.getIfPresent(id)).filter(stored -> Objects.equals(stored.owner(), owner));
    }
}
