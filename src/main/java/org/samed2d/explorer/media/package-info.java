/**
 * The original bytes of images and masks, read from wherever the catalog says they are: a release folder or,
 * in place, a (split) ZIP archive. Exposes {@link org.samed2d.explorer.media.MediaService}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "release", "shared"})
package org.samed2d.explorer.media;

import org.jspecify.annotations.NullMarked;
