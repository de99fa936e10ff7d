package org.samed2d.explorer.catalog;

import org.jspecify.annotations.Nullable;

/**
 * What is known of one source dataset of the release: its full name, licence, whether it may be redistributed,
 * where it lives and how to cite it. Fields are null where nothing could be confirmed.
 *
 * @param redistributable {@code yes}, {@code no}, {@code conditional} or {@code unknown}
 */
public record SourceDataset(String releaseName, @Nullable String fullName, String licence, String redistributable,
                            @Nullable String homepage, @Nullable String citation, @Nullable String doi) {
}
