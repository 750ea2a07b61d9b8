package io.modelgate.cli.report;

import io.modelgate.assessment.ModelAssessment;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.license.LicenseVerdict;

import java.util.stream.Collectors;

/** One-line descriptions of a model's facts, shared by the Markdown, HTML and JUnit reports. */
final class ReportText {

    private ReportText() {
    }

    static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    static String family(ModelAssessment model) {
        var id = model.identity();
        if (id.family() == null) {
            return "not identified";
        }
        String generation = id.generation() == null ? "" : " " + id.generation();
        return id.family() + generation + String.format(java.util.Locale.ROOT, " (confidence %.0f%%)",
                id.confidence() * 100);
    }

    static String publisher(ModelAssessment model) {
        var id = model.identity();
        return orUnknown(id.publisher()) + (id.country() == null ? "" : " (" + id.country() + ")");
    }

    static String baseChain(ModelAssessment model) {
        if (model.identity().baseModels().isEmpty()) {
            return "none declared or detected";
        }
        return model.identity().baseModels().stream().map(ReportText::base).collect(Collectors.joining(" ← "));
    }

    static String base(BaseModel base) {
        return base.name() + " (" + orUnknown(base.relation()) + (base.declared() ? ", declared" : ", detected") + ")";
    }

    static String license(ModelAssessment model) {
        LicenseVerdict license = model.license();
        if (license == null) {
            return "not assessed";
        }
        String id = license.id() != null ? license.id() : license.name() != null ? license.name() : "none found";
        return id + ", commercial use: " + orUnknown(license.commercialUse());
    }

    static String signature(ModelAssessment model) {
        var sig = model.signature();
        StringBuilder text = new StringBuilder(sig.status().id());
        if (sig.method() != null) {
            text.append(" (").append(sig.method()).append(')');
        }
        if (sig.signer() != null) {
            text.append(", signer ").append(sig.signer());
        }
        if (sig.verifiedWith() != null) {
            text.append(", verified with ").append(sig.verifiedWith());
        }
        return text.toString();
    }

    static String lock(ModelAssessment model) {
        var integrity = model.integrity();
        String lock = integrity.lock().id() + (integrity.lockFile() == null ? "" : " (" + integrity.lockFile() + ")");
        long matched = integrity.matched().size();
        return matched == 0 ? lock : lock + ", " + matched + " file digest(s) matched a published value";
    }

    static String digest(ModelAssessment model) {
        return model.digest() == null ? "not computed (a file could not be read)" : model.digest();
    }
}
