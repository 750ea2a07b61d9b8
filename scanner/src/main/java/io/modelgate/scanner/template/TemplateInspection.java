package io.modelgate.scanner.template;

import java.util.Optional;

/**
 * Outcome of inspecting one template.
 *
 * @param parsed     the template was fully tokenised and parsed (otherwise the source is incomplete)
 * @param findings   number of findings reported for it
 * @param family     chat format named by its markers, when recognised
 */
public record TemplateInspection(boolean parsed, int findings, Optional<String> family) {
}
