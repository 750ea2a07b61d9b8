package io.modelgate.scanner.template;

/** Python's {@code s[start:stop:step]} on a string, with negative indices and steps. */
final class PythonSlice {

    private PythonSlice() {
    }

    static String apply(String s, Long start, Long stop, long step) {
        int n = s.length();
        StringBuilder out = new StringBuilder();
        if (step > 0) {
            long from = clamp(start == null ? 0 : start, n, 0, n);
            long to = clamp(stop == null ? n : stop, n, 0, n);
            for (long i = from; i < to; i += step) {
                out.append(s.charAt((int) i));
            }
        } else {
            long from = clamp(start == null ? n - 1 : start, n, -1, n - 1);
            long to = stop == null ? -1 : clamp(stop, n, -1, n - 1);
            for (long i = from; i > to; i += step) {
                out.append(s.charAt((int) i));
            }
        }
        return out.toString();
    }

    private static long clamp(long index, int n, long low, long high) {
        long i = index < 0 ? index + n : index;
        return Math.max(low, Math.min(high, i));
    }
}
