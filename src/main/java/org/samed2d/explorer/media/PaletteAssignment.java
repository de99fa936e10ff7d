package org.samed2d.explorer.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samed2d.explorer.catalog.DatasetLabel;

/**
 * Which palette colour each class name gets. Datasets are taken in the order the catalog first met them, and their
 * classes in class order; a name not coloured yet takes the colour fewest of its dataset's already coloured names
 * have, then the one used longest ago in that dataset, then the one least used overall. So the classes of a dataset
 * with no more classes than the palette has colours are all distinct, larger datasets cycle through the palette in
 * class order (neighbouring structures such as consecutive ribs differ), and a name's colour depends only on the
 * datasets met before or with it: ingesting another dataset never recolours what users have seen.
 */
final class PaletteAssignment {

    private PaletteAssignment() {
    }

    /** @param rows every dataset's classes in catalog order; @return each name's palette index */
    static Map<String, Integer> assign(List<DatasetLabel> rows, int colours) {
        Map<String, List<String>> datasets = new LinkedHashMap<>();
        rows.forEach(row -> datasets.computeIfAbsent(row.dataset(), d -> new ArrayList<>()).add(row.name()));
        Map<String, Integer> assigned = new LinkedHashMap<>();
        int[] usedOverall = new int[colours];
        for (List<String> names : datasets.values()) {
            for (int position = 0; position < names.size(); position++) {
                if (!assigned.containsKey(names.get(position))) {
                    int colour = choose(names, position, assigned, usedOverall, colours);
                    assigned.put(names.get(position), colour);
                    usedOverall[colour]++;
                }
            }
        }
        return assigned;
    }

    /** For the name at {@code position} of its dataset's classes, given the names coloured so far. */
    private static int choose(List<String> names, int position, Map<String, Integer> assigned, int[] usedOverall,
                              int colours) {
        int[] usedHere = new int[colours];
        int[] lastUse = new int[colours];
        java.util.Arrays.fill(lastUse, -1);
        for (int other = 0; other < names.size(); other++) {
            Integer colour = assigned.get(names.get(other));
            if (colour != null) {
                usedHere[colour]++;
                if (other < position) {
                    lastUse[colour] = other;
                }
            }
        }
        int best = 0;
        for (int colour = 1; colour < colours; colour++) {
            if (usedHere[colour] != usedHere[best] ? usedHere[colour] < usedHere[best]
                    : lastUse[colour] != lastUse[best] ? lastUse[colour] < lastUse[best]
                    : usedOverall[colour] < usedOverall[best]) {
                best = colour;
            }
        }
        return best;
    }
}
