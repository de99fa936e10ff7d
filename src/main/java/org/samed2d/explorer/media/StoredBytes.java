package org.samed2d.explorer.media;

/**
 * The original bytes of one file.
 *
 * @param fileName the file's name in the release, for downloads
 * @param etag an opaque tag that changes whenever the bytes could (the file's source, location and size)
 */
public record StoredBytes(byte[] bytes, String fileName, String etag) {
}
