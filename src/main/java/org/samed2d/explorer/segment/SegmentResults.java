package org.samed2d.explorer.segment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.shared.Requester;

/**
 * Results kept for refinement and download: about 1 GB of masks at most, and never more than a quarter of the heap
 * (a byte per pixel and candidate, plus the low-res logits: some 2,000 single-mask results on 512x512 images, about
 * half that with SAM-Med2D's four candidates), each until 30 minutes after its last use, each its owner's. Someone else's result is answered as if it
 * did not exist, so its id tells nothing.
 */
final class SegmentResults {

    record Stored(SegmentResult result, CandidateMasks masks, @Nullable String owner) {
    }

    /** A portal given a small heap (a container's 2 GB) must not spend half of it on results. */
    private static final long MAX_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);

    private final Cache<String, Stored> results = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((String id, Stored stored) -> bytes(stored.masks()))
            .expireAfterAccess(Duration.ofMinutes(30)).build();

    private static int bytes(CandidateMasks masks) {
        long total = 256;
        for (int i = 0; i < masks.count(); i++) {
            total += masks.masks().get(i).on().length + (long) masks.lowRes().get(i).length * Float.BYTES;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

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
