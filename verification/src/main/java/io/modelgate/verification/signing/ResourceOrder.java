package io.modelgate.verification.signing;

import java.util.Comparator;

/**
 * The order model_signing lists resources in, which fixes the subject digest: by path, compared segment
 * by segment (so {@code d/x} comes before {@code d-1} and {@code d.txt}), each segment by Unicode code
 * point; shards of one file ({@code path:start:end}) by start, then end.
 */
final class ResourceOrder implements Comparator<String> {

    private final boolean shards;

    ResourceOrder(boolean shards) {
        this.shards = shards;
    }

    @Override
    public int compare(String a, String b) {
        if (!shards) {
            return comparePaths(a, b);
        }
        Shard x = Shard.of(a);
        Shard y = Shard.of(b);
        int byPath = comparePaths(x.path, y.path);
        if (byPath != 0) {
            return byPath;
        }
        return x.start != y.start ? Long.compare(x.start, y.start) : Long.compare(x.end, y.end);
    }

    static int comparePaths(String a, String b) {
        String[] x = a.split("/", -1);
        String[] y = b.split("/", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareCodePoints(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** String order by code point, not by UTF-16 unit (which puts U+1F600 before U+FF01). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private record Shard(String path, long start, long end) {
        static Shard of(String name) {
            int last = name.lastIndexOf(':');
            int before = last > 0 ? name.lastIndexOf(':', last - 1) : -1;
            if (before < 0) {
                return new Shard(name, 0, 0);
            }
            try {
                return new Shard(name.substring(0, before), Long.parseLong(name.substring(before + 1, last)),
                        Long.parseLong(name.substring(last + 1)));
            } catch (NumberFormatException e) {
                return new Shard(name, 0, 0);
            }
        }
    }
}
