package org.samed2d.explorer.media;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.samed2d.explorer.catalog.DatasetLabel;

/**
 * Which palette colour each class name gets. Classes are taken in the order the catalog first met them (label id), one
 * at a time; a name not coloured yet takes the colour fewest of the classes met before it in its dataset have, then
 * the one used longest ago in that dataset, then the one least used overall. So the classes of a dataset with no more
 * classes than the palette has colours are all distinct, larger datasets cycle through the palette in class order
 * (neighbouring structures such as consecutive ribs differ), and a name's colour depends only on the classes met
 * before it: an ingest, which only adds classes after every known one (to a new dataset or to one already known),
 * never recolours what users have seen.
 */
final class PaletteAssignment {

    private PaletteAssignment() {
    }

    /** @param rows every dataset's classes in catalog order; @return each name's palette index */
    static Map<String, Integer> assign(List<DatasetLabel> rows, int colours) {
        Map<String, List<String>> metSoFar = new HashMap<>();
        Map<String, Integer> assigned = new LinkedHashMap<>();
        int[] usedOverall = new int[colours];
        for (DatasetLabel row : rows) {
            List<String> before = metSoFar.computeIfAbsent(row.dataset(), d -> new ArrayList<>());
            if (!assigned.containsKey(row.name())) {
                int colour = choose(before, assigned, usedOverall, colours);
                assigned.put(row.name(), colour);
                usedOverall[colour]++;
            }
            before.add(row.name());
        }
        return assigned;
    }

    /** For a name new to the catalog, given the classes met before it in its dataset. */
    private static int choose(List<String> before, Map<String, Integer> assigned, int[] usedOverall, int colours) {
        int[] usedHere = new int[colours];
        int[] lastUse = new int[colours];
        Arrays.fill(lastUse, -1);
        for (int position = 0; position < before.size(); position++) {
            int colour = assigned.get(before.get(position));
            usedHere[colour]++;
            lastUse[colour] = position;
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
