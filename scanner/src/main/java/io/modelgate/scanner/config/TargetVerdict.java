package io.modelgate.scanner.config;

/**
 * How a callable a config names is judged.
 * <ul>
 *   <li>{@code REVIEWED}: in a reviewed ML namespace, or a standard data type: building it is what configs are for.</li>
 *   <li>{@code LOCATOR}: returns the callable named by its {@code path} argument, which is judged instead.</li>
 *   <li>{@code UNREVIEWED}: outside the reviewed namespaces, or listed for review: a person must look.</li>
 *   <li>{@code DANGEROUS}: on the denylist (processes, code evaluation, imports, files, network, nested loaders).</li>
 * </ul>
 */
public enum TargetVerdict { REVIEWED, LOCATOR, UNREVIEWED, DANGEROUS }
