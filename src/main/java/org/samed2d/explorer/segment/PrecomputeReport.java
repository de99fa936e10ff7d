package org.samed2d.explorer.segment;

import org.jspecify.annotations.Nullable;

/**
 * A precompute job: embeddings of the images of a filtered subset, stored so a class can browse them at decoder speed.
 *
 * @param encoded images whose embedding had to be computed (the rest were already stored)
 */
public record PrecomputeReport(String id, String state, String model, long done, long total, long encoded,
                               double progress, double imagesPerSecond, @Nullable String error) {
}
