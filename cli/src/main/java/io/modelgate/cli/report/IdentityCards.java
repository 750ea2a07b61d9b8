package io.modelgate.cli.report;

import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.assessment.Identity;
import io.modelgate.assessment.ModelAssessment;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The text report's identity card per model unit: family, publisher, country, base chain, license with its
 * obligations and conflicts, signature and signer, lock and digest checks, whole-model digest.
 */
final class IdentityCards {

    private IdentityCards() {
    }

    static void append(StringBuilder out, List<ModelAssessment> models) {
        if (models.isEmpty()) {
            return;
        }
        out.append(String.format("%nModels:%n"));
        for (ModelAssessment model : models) {
            Identity m = model.identity();
            out.append("  ").append(model.path()).append("  (").append(model.kind().id()).append(")\n");
            if (model.container() != null) {
                out.append(line("Inside", model.container().path() + " (" + model.container().type() + ")"));
            }
            out.append(line("Family", family(m)));
            if (m.architectureFamily() != null && !m.architectureFamily().equals(m.tokenizerFamily())) {
                out.append(line("Lineage", "tokenizer " + m.tokenizerFamily() + ", body " + m.architectureFamily()));
            }
            out.append(line("Publisher", m.publisher() == null ? "unknown"
                    : m.publisher() + " (" + m.country() + ")"));
            out.append(line("Base chain", bases(m.baseModels())));
            out.append(line("License", license(model.license())));
            if (model.license() != null) {
                model.license().obligations().forEach(o -> out.append(line("Obligation", o)));
                model.license().conflicts().forEach(c -> out.append(line("Conflict", c)));
            }
            out.append(line("Signature", ReportText.signature(model)));
            out.append(line("Integrity", ReportText.lock(model)));
            out.append(line("Confidence", String.format(Locale.ROOT, "%.2f", m.confidence())
                    + (m.uncertain() ? " (uncertain)" : "")));
            if (model.digest() != null) {
                out.append(line("Digest", model.digest()));
            }
        }
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "    %-11s %s%n", label, value);
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
