package io.modelgate.scanner.python;

/**
 * One token of Python source.
 *
 * @param type  kind of token
 * @param text  the name, operator or number text; for strings the decoded literal value
 * @param line  1-based line where the token starts
 * @param flags for strings: {@link #BYTES}, {@link #FORMATTED}, {@link #RAW}
 */
record PythonToken(Type type, String text, int line, int flags) {

    static final int BYTES = 1;
    static final int FORMATTED = 2;
    static final int RAW = 4;

    enum Type { NAME, NUMBER, STRING, OP, NEWLINE, END }

    boolean isOp(String op) {
        return type == Type.OP && text.equals(op);
    }

    boolean isName(String name) {
        return type == Type.NAME && text.equals(name);
    }
}
