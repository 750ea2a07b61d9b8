package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.provenance.license.DeclaredLicense;
import io.modelgate.provenance.license.LicenseTextMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Collects every license declaration of a unit, in order of authority: the card front matter, license texts
 * (recognised by their content), GGUF general.license, safetensors metadata.
 */
final class LicenseSources {

    private static final java.util.regex.Pattern NOTICE = java.util.regex.Pattern.compile("(?i)^notice(?:[-_.].*)?$");

    private final KnowledgeBase kb;
    private final LicenseTextMatcher matcher;

    LicenseSources(KnowledgeBase kb) {
        this.kb = kb;
        this.matcher = new LicenseTextMatcher(kb);
    }

    List<DeclaredLicense> read(ModelEvidenceInput input) {
        List<DeclaredLicense> out = new ArrayList<>();
        card(input.card(), out);
        List<DeclaredLicense> notices = new ArrayList<>();
        for (SourcedText text : input.licenseTexts()) {
            String leaf = UnitDiscovery.leaf(text.source());
            if (NOTICE.matcher(leaf).matches() || leaf.equalsIgnoreCase("README.md")) {
                // A NOTICE credits third-party work, and a card's License section often names the base's license
                // too: they declare the model's license only when nothing else does, and only when recognised.
                String what = leaf.equalsIgnoreCase("README.md") ? "card License section" : "notice";
                matcher.identify(text.text()).ifPresent(m -> notices.add(
                        new DeclaredLicense(what + " recognised by " + m.how(), text.source(), m.license())));
                continue;
            }
            Optional<LicenseTextMatcher.TextMatch> match = matcher.identify(text.text());
            out.add(match.map(m -> new DeclaredLicense("text recognised by " + m.how(), text.source(), m.license()))
                    .orElseGet(() -> new DeclaredLicense("unrecognised license text", text.source(), null)));
        }
        Doc gguf = input.gguf();
        if (gguf.present()) {
            named(gguf.text("general.license"), gguf.text("general.license.name"),
                    gguf.source() + "#general.license", out);
        }
        Doc metadata = input.weightsMetadata();
        if (metadata.present()) {
            named(metadata.text("license"), null, metadata.source() + "#__metadata__.license", out);
        }
        if (out.stream().noneMatch(d -> d.license() != null)) {
            out.addAll(notices);
        }
        // Unrecognised texts only matter when nothing else is known; keep recognised declarations first.
        out.sort((a, b) -> Boolean.compare(a.license() == null, b.license() == null));
        return out;
    }

    private void card(Doc card, List<DeclaredLicense> out) {
        if (!card.present()) {
            return;
        }
        Object license = card.get("license");
        List<String> values = new ArrayList<>();
        if (license instanceof String s) {
            values.add(s);
        } else if (license instanceof List<?> list) {
            list.stream().limit(8).filter(String.class::isInstance).forEach(v -> values.add((String) v));
        }
        for (String value : values) {
            named(value, card.text("license_name"), card.at("license"), out);
        }
    }

    /** An identifier such as {@code apache-2.0}, or {@code other} with a license_name slug. */
    private void named(String value, String licenseName, String source, List<DeclaredLicense> out) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("unknown")) {
            return;
        }
        for (String part : value.split(",")) {
            String id = part.trim();
            if (id.isEmpty()) {
                continue;
            }
            boolean other = id.toLowerCase(Locale.ROOT).equals("other");
            String lookup = other && licenseName != null ? licenseName : id;
            String raw = other && licenseName != null ? "other: " + licenseName : id;
            out.add(new DeclaredLicense(raw, source, kb.licenseByAlias(lookup).orElse(null)));
        }
    }
}
