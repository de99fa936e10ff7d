package org.samed2d.explorer.segment;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.shared.DataSplit;

/**
 * An evaluation to run.
 *
 * @param limit at most this many masks, in id order (of the part, with a split), 1..100000
 * @param prompts prompt kinds, as {@link PromptKind} names them
 * @param model a model name, or none for the default
 * @param protocol {@code whole-mask} (none: the default) or {@code sam-med2d}
 * @param split with {@code part}: only the masks of that part of the split
 * @param part {@code train}, {@code val} or {@code test}
 * @param promptFile {@code sam-med2d} only: a prompt file as SAM-Med2D's test.py reads it, whose prompts replace
 *                   the drawn ones
 */
public record EvaluationRequest(MaskFilter filter, int limit, List<String> prompts, @Nullable String model,
                                @Nullable String protocol, @Nullable DataSplit split, @Nullable String part,
                                @Nullable Map<String, ?> promptFile) {

    public static final String WHOLE_MASK = "whole-mask";
    public static final String SAM_MED2D = "sam-med2d";

    /** A run of the whole-mask protocol over the filter, as before protocols had names. */
    public static EvaluationRequest of(MaskFilter filter, int limit, List<String> prompts, @Nullable String model) {
        return new EvaluationRequest(filter, limit, prompts, model, null, null, null, null);
    }
}
