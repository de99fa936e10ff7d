package org.samed2d.explorer.release;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.catalog.FileLocation;
import org.samed2d.explorer.catalog.FileLocation.ArchiveEntry;

/**
 * Entry name to location for every entry of an archive, in primitive arrays keyed by a 64-bit hash of the name:
 * about 44 bytes per entry, so the 20M entries of the full release fit in under 1 GB of heap. A hash collision
 * (odds about 1e-5 at 20M entries) is caught when the entry is read: its local header repeats the name.
 */
final class ArchiveIndex {

    private long[] keys;
    private int[] slots;
    private long[] offsets;
    private long[] storedSizes;
    private long[] sizes;
    private byte[] methods;
    private int[] crcs;
    private int count;

    ArchiveIndex() {
        keys = new long[1 << 10];
        slots = new int[1 << 10];
        offsets = new long[1 << 9];
        storedSizes = new long[1 << 9];
        sizes = new long[1 << 9];
        methods = new byte[1 << 9];
        crcs = new int[1 << 9];
    }

    int size() {
        return count;
    }

    void add(String name, long offset, long storedSize, long size, int method, long crc) {
        if (count == offsets.length) {
            grow();
        }
        offsets[count] = offset;
        storedSizes[count] = storedSize;
        sizes[count] = size;
        methods[count] = (byte) method;
        crcs[count] = (int) crc;
        insert(hash(name), count);
        count++;
    }

    @Nullable FileLocation find(String name) {
        long key = hash(name);
        int mask = keys.length - 1;
        for (int at = (int) key & mask; slots[at] != 0; at = (at + 1) & mask) {
            if (keys[at] == key) {
                int entry = slots[at] - 1;
                return new FileLocation(sizes[entry], Integer.toUnsignedLong(crcs[entry]),
                        new ArchiveEntry(offsets[entry], storedSizes[entry], methods[entry]));
            }
        }
        return null;
    }

    private void insert(long key, int entry) {
        int mask = keys.length - 1;
        int at = (int) key & mask;
        while (slots[at] != 0) {
            if (keys[at] == key) {
                slots[at] = entry + 1; // a repeated name: the later entry wins, as unzip would have it
                return;
            }
            at = (at + 1) & mask;
        }
        keys[at] = key;
        slots[at] = entry + 1;
    }

    private void grow() {
        int capacity = offsets.length * 2;
        offsets = java.util.Arrays.copyOf(offsets, capacity);
        storedSizes = java.util.Arrays.copyOf(storedSizes, capacity);
        sizes = java.util.Arrays.copyOf(sizes, capacity);
        methods = java.util.Arrays.copyOf(methods, capacity);
        crcs = java.util.Arrays.copyOf(crcs, capacity);
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[capacity * 2];
        slots = new int[capacity * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldSlots[i] != 0) {
                insert(oldKeys[i], oldSlots[i] - 1);
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then a MurmurHash3 finaliser so the low bits spread well. */
    static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
