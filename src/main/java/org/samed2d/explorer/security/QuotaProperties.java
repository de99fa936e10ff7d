package org.samed2d.explorer.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user limits; admins have none. 0 forbids, a negative value means no limit.
 *
 * @param segmentationsPerMinute prompt segmentation requests in any 60 s
 * @param concurrentExports exports queued or being prepared at once
 * @param exportBytesPerDay archive bytes of the exports started in one UTC day
 * @param concurrentEvaluations evaluations running at once
 * @param evaluationPromptsPerDay prompts (masks times prompt kinds) of the evaluations started in one UTC day
 */
@ConfigurationProperties("explorer.quotas")
record QuotaProperties(@DefaultValue("60") int segmentationsPerMinute, @DefaultValue("2") int concurrentExports,
                       @DefaultValue("53687091200") long exportBytesPerDay, @DefaultValue("1") int concurrentEvaluations,
                       @DefaultValue("100000") long evaluationPromptsPerDay) {
}
