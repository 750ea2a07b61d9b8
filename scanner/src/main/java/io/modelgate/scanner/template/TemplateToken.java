package io.modelgate.scanner.template;

/**
 * One lexical token of a Jinja template.
 *
 * @param type   what kind of token
 * @param value  the token text (unescaped for strings)
 * @param offset character offset of the token in the template
 */
record TemplateToken(Type type, String value, int offset) {

    enum Type { TEXT, VARIABLE_BEGIN, VARIABLE_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INTEGER, FLOAT, OPERATOR, EOF }

    boolean is(Type t, String v) {
        return type == t && value.equals(v);
    }

    boolean isOperator(String op) {
        return is(Type.OPERATOR, op);
    }

    boolean isName(String name) {
        return is(Type.NAME, name);
    }
}
