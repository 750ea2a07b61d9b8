package io.modelgate.scanner.metadata;

/** What a metadata string carries besides plain prose. */
public enum TextSignal {
    /** Python or shell code. */
    CODE,
    /** A Jinja template (statement or expression block). */
    TEMPLATE,
    /** A URL. */
    URL
}
