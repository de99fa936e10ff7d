package org.samed2d.explorer.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.samed2d.explorer.search.engine.CellTable;

/**
 * The two numbers facet counting reads per document of one segment, in plain arrays: its cell and its image id.
 * Built once per segment (segments never change), a few milliseconds per million documents.
 */
record SegmentColumns(int[] cells, int[] images, int maxImage) {

    static SegmentColumns load(LeafReader leaf, CellTable table) throws IOException {
        int maxDoc = leaf.maxDoc();
        SortedDocValues cellValues = DocValues.getSorted(leaf, LuceneDocuments.CELL);
        List<String> encoded = new ArrayList<>(cellValues.getValueCount());
        for (int ord = 0; ord < cellValues.getValueCount(); ord++) {
            encoded.add(cellValues.lookupOrd(ord).utf8ToString());
        }
        int[] cellOfOrd = table.intern(encoded);
        int[] cells = new int[maxDoc];
        for (int doc = cellValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = cellValues.nextDoc()) {
            cells[doc] = cellOfOrd[cellValues.ordValue()];
        }
        int[] images = new int[maxDoc];
        int maxImage = 0;
        SortedNumericDocValues imageValues = DocValues.getSortedNumeric(leaf, LuceneDocuments.IMAGE);
        for (int doc = imageValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = imageValues.nextDoc()) {
            long image = imageValues.nextValue();
            if (image > Integer.MAX_VALUE) {
                throw new IllegalStateException("image id " + image + " is beyond what the facet columns hold");
            }
            images[doc] = (int) image;
            maxImage = Math.max(maxImage, (int) image);
        }
        return new SegmentColumns(cells, images, maxImage);
    }
}
