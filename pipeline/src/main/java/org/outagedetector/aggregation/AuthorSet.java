package org.outagedetector.aggregation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A set of author ids kept as 64-bit hashes in an open-addressing table: a window holds one long per
 * distinct author instead of a string, and Flink serializes it as a plain POJO (a long array and an int).
 * Two different ids collide with probability about n²/2⁶⁵, far below anything that changes a count.
 */
public class AuthorSet {
    /** Empty slots hold 0; a hash that happens to be 0 is stored as 1. */
    public long[] table = new long[16];
    public int size;

    public AuthorSet() {}

    public boolean add(String author) {
        return addHash(hash(author));
    }

    public int size() {
        return size;
    }

    public void addAll(AuthorSet other) {
        for (long h : other.table) {
            if (h != 0) {
                addHash(h);
            }
        }
    }

    private boolean addHash(long h) {
        if ((size + 1) * 4L > table.length * 3L) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(h -> h != 0).forEach(this::addHash);
    }

    /** FNV-1a over UTF-8, then a finalizing mix so that nearby ids spread over the table. */
    static long hash(String author) {
        long h = 0xcbf29ce484222325L;
        for (byte b : author.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
