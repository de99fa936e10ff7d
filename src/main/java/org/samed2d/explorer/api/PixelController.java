package org.samed2d.explorer.api;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.samed2d.explorer.media.MediaService;
import org.samed2d.explorer.media.StoredBytes;
import org.samed2d.explorer.search.InvalidQueryException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** The original PNG bytes of images and masks, from a folder or straight out of the (split) archive. */
@RestController
@RequestMapping("/api/v1")
class PixelController {

    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

    private final MediaService media;

    PixelController(MediaService media) {
        this.media = media;
    }

    @Operation(summary = "The image file as released (PNG), with ETag and Cache-Control")
    @GetMapping("/images/{id}/png")
    ResponseEntity<byte[]> image(@PathVariable long id, WebRequest request) {
        return png(media.image(id), "image", id, request);
    }

    @Operation(summary = "The mask file as released (PNG, 0 and 255), with ETag and Cache-Control")
    @GetMapping("/masks/{id}/png")
    ResponseEntity<byte[]> mask(@PathVariable long id, WebRequest request) {
        return png(media.mask(id), "mask", id, request);
    }

    @Operation(summary = "A thumbnail of the image (longest side `size`, 32..1024, default 256) with the masks named "
            + "by `mask` (repeatable; ids of other images are ignored) drawn in their label's colour; cached")
    @GetMapping("/images/{id}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @RequestParam(defaultValue = "256") int size,
                                     @RequestParam(name = "mask", required = false) List<Long> masks, WebRequest request) {
        if (size < 32 || size > 1024) {
            throw new InvalidQueryException("size", "must be between 32 and 1024, got " + size);
        }
        if (masks != null && masks.size() > 500) {
            throw new InvalidQueryException("mask", "at most 500 masks per thumbnail, got " + masks.size());
        }
        return png(media.thumbnail(id, masks == null ? List.of() : masks, size), "image", id, request);
    }

    private static ResponseEntity<byte[]> png(Optional<StoredBytes> found, String kind, long id, WebRequest request) {
        StoredBytes file = found.orElseThrow(() -> new NotFoundException(kind, id));
        String etag = "\"" + file.etag() + "\"";
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(CACHE).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .eTag(etag)
                .cacheControl(CACHE)
                .header("Content-Disposition", ContentDisposition.inline().filename(file.fileName()).build().toString())
                .body(file.bytes());
    }
}
