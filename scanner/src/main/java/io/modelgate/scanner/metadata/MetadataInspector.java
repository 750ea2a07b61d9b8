package io.modelgate.scanner.metadata;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.secrets.SecretScanner;

import java.util.Map;

/**
 * Reviews one free-text metadata value of a weights file: code or templates (under the format's
 * code rule), URLs (under its URL rule) and credentials (under the secret rules).
 *
 * @param codeRule rule for code and templates
 * @param urlRule  rule for URLs
 * @param format   format name used in messages, e.g. "safetensors"
 */
public record MetadataInspector(Rule codeRule, Rule urlRule, String format) {

    /** Inspects {@code value}; {@code checkUrls} is false for keys whose value is a URL by definition. */
    public void inspect(String key, String value, boolean checkUrls, AnalysisContext context) {
        inspectContent(key, value, checkUrls, context);
        SecretScanner.scan(value, format + " metadata '" + key + "'", context);
    }

    /** Code, template and URL review only (credentials are searched separately). */
    public void inspectContent(String key, String value, boolean checkUrls, AnalysisContext context) {
        Map<TextSignal, String> signals = TextSignals.inspect(value);
        String code = signals.get(TextSignal.CODE);
        if (code != null) {
            context.report(codeRule, key, format + " metadata '" + key + "' contains code: " + code);
        }
        String template = signals.get(TextSignal.TEMPLATE);
        if (template != null) {
            context.report(codeRule, key, format + " metadata '" + key + "' contains a Jinja template: " + template);
        }
        String url = signals.get(TextSignal.URL);
        if (url != null && checkUrls) {
            context.report(urlRule, key, format + " metadata '" + key + "' contains a URL: " + url);
        }
    }
}
