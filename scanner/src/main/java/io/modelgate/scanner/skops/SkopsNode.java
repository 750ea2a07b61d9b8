package io.modelgate.scanner.skops;

/**
 * One node of a skops schema: the loader that builds it and the {@code module.name} it constructs, imports or
 * calls; {@code path} is where it sits in the schema, for the report.
 */
record SkopsNode(String loader, String module, String name, String path) {

    String qualified() {
        return module + "." + name;
    }
}
