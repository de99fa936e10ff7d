package org.samed2d.explorer.catalog;

import java.util.List;

/** One class name across every dataset that uses it, with how many masks carry it. */
public record LabelSummary(String name, List<String> datasets, long masks) {
}
