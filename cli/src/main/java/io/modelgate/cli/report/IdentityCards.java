package io.modelgate.cli.report;

import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.assessment.Identity;
import io.modelgate.assessment.ModelAssessment;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text report's identity card per model unit: family, publisher, country, base chain, license with its
 * obligations and conflicts, signature and signer, lock and digest checks, whole-model digest.
 */
final class IdentityCards {

    private IdentityCards() {
    }

    /** The header, then each model's card written as it is made. */
    static void write(Writer out, List<ModelAssessment> models) throws IOException {
        if (models.isEmpty()) {
            return;
        }
        out.write(TextColumns.NL + "Models:" + TextColumns.NL);
        StringBuilder card = new StringBuilder(512);
        for (ModelAssessment model : models) {
            card.setLength(0);
            append(card, model);
            out.append(card);
        }
    }

    private static void append(StringBuilder out, ModelAssessment model) {
        Identity m = model.identity();
        out.append("  ").append(model.path()).append("  (").append(model.kind().id()).append(")\n");
        if (model.container() != null) {
            line(out, "Inside", model.container().path() + " (" + model.container().type() + ")");
        }
        line(out, "Family", family(m));
        if (m.architectureFamily() != null && !m.architectureFamily().equals(m.tokenizerFamily())) {
            line(out, "Lineage", "tokenizer " + m.tokenizerFamily() + ", body " + m.architectureFamily());
        }
        line(out, "Publisher", m.publisher() == null ? "unknown" : m.publisher() + " (" + m.country() + ")");
        line(out, "Base chain", bases(m.baseModels()));
        line(out, "License", license(model.license()));
        if (model.license() != null) {
            model.license().obligations().forEach(o -> line(out, "Obligation", o));
            model.license().conflicts().forEach(c -> line(out, "Conflict", c));
        }
        line(out, "Signature", ReportText.signature(model));
        line(out, "Integrity", ReportText.lock(model));
        line(out, "Confidence", TextColumns.twoDecimals(m.confidence()) + (m.uncertain() ? " (uncertain)" : ""));
        if (model.digest() != null) {
            line(out, "Digest", model.digest());
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        TextColumns.padded(out.append("    "), label, 11).append(' ').append(value).append(TextColumns.NL);
    }

    private static String family(Identity m) {
        if (m.family() == null) {
            return "not identified";
        }
        return m.family() + (m.generation() == null ? "" : " / " + m.generation());
    }

    private static String bases(List<BaseModel> bases) {
        if (bases.isEmpty()) {
            return "none (original model)";
        }
        return bases.stream().map(b -> b.name() + " [" + b.relation() + "]").collect(Collectors.joining(" <- "));
    }

    private static String license(LicenseVerdict license) {
        if (license == null || license.id() == null) {
            return "none found";
        }
        String commercial = switch (license.commercialUse()) {
            case "true" -> "commercial use allowed";
            case "false" -> "no commercial use";
            case "conditional" -> "commercial use with conditions";
            default -> "commercial use unknown";
        };
        String conflicts = license.conflicts().isEmpty() ? "" : ", " + license.conflicts().size() + " conflict(s)";
        return license.id() + " from " + license.source() + ", " + commercial + conflicts;
    }
}
