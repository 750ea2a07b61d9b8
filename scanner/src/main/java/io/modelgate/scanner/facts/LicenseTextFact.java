package io.modelgate.scanner.facts;

/**
 * A license, notice or copying text shipped with a model (LICENSE, NOTICE, COPYING, USE_POLICY, …): the
 * bounded excerpt the license matcher recognises the license from.
 *
 * @param excerpt   the text, up to {@link #MAX_CHARS} characters
 * @param truncated true when the file was longer
 */
public record LicenseTextFact(String excerpt, boolean truncated) implements TypedFact {

    public static final String KEY = "licenseText";
    /** License texts recognised by their opening and key clauses; the longest common ones fit. */
    public static final int MAX_CHARS = 400_000;
}
