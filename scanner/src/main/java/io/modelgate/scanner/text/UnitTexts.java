package io.modelgate.scanner.text;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.facts.LicenseTextFact;
import io.modelgate.scanner.facts.ModelCardFact;
import io.modelgate.scanner.hf.CardBody;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plain texts a model unit's provenance reads: license, notice and use-policy texts (the license is later
 * recognised from their content; the name only selects which texts to keep) and the heading of a model card
 * without front matter.
 */
final class UnitTexts {

    private static final Pattern LICENSE_FILE = Pattern.compile(
            "(?i)^(?:model[-_])?(?:licen[cs]e|notice|copying|use_policy|usage_policy)(?:[-_.][\\w.-]*)?$");
    private static final int MAX_TITLE_BYTES = 64 * 1024;

    private UnitTexts() {
    }

    static void record(ByteSource source, AnalysisContext context) throws IOException {
        String leaf = context.path().leafName();
        leaf = leaf.substring(leaf.lastIndexOf('/') + 1);
        if (LICENSE_FILE.matcher(leaf).matches() && !leaf.toLowerCase(Locale.ROOT).endsWith(".json")) {
            int max = LicenseTextFact.MAX_CHARS;
            String text = new String(source.prefix(max), StandardCharsets.UTF_8);
            boolean truncated = source.size() > max;
            context.fact(LicenseTextFact.KEY, new LicenseTextFact(
                    text.length() > max ? text.substring(0, max) : text, truncated));
        } else if (leaf.equals("README.md")) {
            String card = new String(source.prefix(MAX_TITLE_BYTES), StandardCharsets.UTF_8);
            CardBody body = CardBody.read(card);
            if (body.title() != null || !body.uses().isEmpty()) {
                context.fact(ModelCardFact.KEY, new ModelCardFact(Map.of(), body.title(), body.uses()));
            }
            body.licenseSection().ifPresent(section -> context.fact(LicenseTextFact.KEY, section));
        }
    }
}
