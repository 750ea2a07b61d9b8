package io.modelgate.scanner.template;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What static analysis needs from a template: every expression it contains, the values assigned to
 * names with {@code set}, and every name the template declares itself (loop variables, macro
 * parameters, set targets), which therefore do not refer to a global.
 */
record ParsedTemplate(List<Expr> expressions, Map<String, List<Expr>> assignments, Set<String> declaredNames,
                      int statements) {
}
