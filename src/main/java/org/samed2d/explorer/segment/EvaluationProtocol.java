package org.samed2d.explorer.segment;

import org.samed2d.explorer.catalog.MaskRecord;

/** How an evaluation prompts the model for one ground-truth mask and scores the answers, for each of its kinds. */
interface EvaluationProtocol {

    /** Adds the mask's Dice of each prompt kind to the run, or counts the mask as skipped with the reason. */
    void evaluate(EvaluationRun run, MaskRecord mask);
}
