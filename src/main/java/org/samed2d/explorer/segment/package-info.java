/**
 * Prompt segmentation on the server: SAM-style ONNX models (encoder once per image, decoder per prompt) through ONNX
 * Runtime, an embedding cache bounded in bytes, admission control, and scoring against the ground truth. Exposes
 * {@link org.samed2d.explorer.segment.SegmentService} and its request and result records.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "media", "search", "shared"})
package org.samed2d.explorer.segment;

import org.jspecify.annotations.NullMarked;
