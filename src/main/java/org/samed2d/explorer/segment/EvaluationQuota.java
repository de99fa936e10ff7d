package org.samed2d.explorer.segment;

/** A limit on a user's evaluations, checked as one starts; it throws to refuse and charges the run when it passes. */
@FunctionalInterface
public interface EvaluationQuota {

    EvaluationQuota NONE = (active, prompts) -> { };

    /**
     * @param active the owner's evaluations running or waiting
     * @param prompts the prompts the new run will make: masks times prompt kinds
     */
    void charge(long active, long prompts);
}
