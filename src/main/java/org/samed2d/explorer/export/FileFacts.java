package org.samed2d.explorer.export;

import org.jspecify.annotations.Nullable;

/**
 * What the plan needs to know of a file: its size and CRC, its SHA-256 for manifests, its bytes for COCO (none when
 * only sizing).
 */
record FileFacts(long size, long crc, String sha256, byte @Nullable [] bytes) {
}
