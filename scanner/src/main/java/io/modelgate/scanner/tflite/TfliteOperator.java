package io.modelgate.scanner.tflite;

/**
 * One entry of a model's operator code table. {@code custom} is the custom code of a CUSTOM operator, null for
 * builtins; Flex operations are custom operators whose code is {@code Flex} followed by a TensorFlow op name.
 */
record TfliteOperator(int index, int builtinCode, String custom) {

    static final int CUSTOM = 32;
    private static final String FLEX_PREFIX = "Flex";

    boolean isCustom() {
        return custom != null;
    }

    /** The TensorFlow operation a Flex operator runs, null for other operators. */
    String flexOp() {
        return custom != null && custom.startsWith(FLEX_PREFIX) && custom.length() > FLEX_PREFIX.length()
                ? custom.substring(FLEX_PREFIX.length()) : null;
    }

    String label() {
        return custom != null ? custom : "builtin:" + builtinCode;
    }
}
