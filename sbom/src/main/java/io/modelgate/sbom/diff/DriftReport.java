package io.modelgate.sbom.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** The drift between two BOMs as text for a reviewer or JSON for a pipeline. */
public final class DriftReport {

    public static final Set<String> CATEGORIES = Set.of("files", "license", "identity", "signature", "decision",
            "findings");

    private DriftReport() {
    }

    /** The drifts in the categories that count ({@code only} empty: all of them). */
    public static List<Drift> relevant(List<Drift> drifts, Set<String> only) {
        return only.isEmpty() ? drifts : drifts.stream().filter(d -> only.contains(d.kind().category())).toList();
    }

    public static String text(List<Drift> drifts) {
        if (drifts.isEmpty()) {
            return "No drift: the two BOMs describe the same files, identity, license, signature, decision and "
                    + "findings.\n";
        }
        StringBuilder out = new StringBuilder(drifts.size() + " difference(s):\n");
        for (Drift d : drifts) {
            out.append("  ").append(d.kind().id()).append(": ");
            if (d.model() != null) {
                out.append(d.model()).append(": ");
            }
            out.append(d.subject());
            if (d.before() != null || d.after() != null) {
                out.append(" (").append(d.before() == null ? "absent" : d.before()).append(" -> ")
                        .append(d.after() == null ? "absent" : d.after()).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    public static String json(List<Drift> drifts) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeBooleanField("drift", !drifts.isEmpty());
            json.writeArrayFieldStart("changes");
            for (Drift d : drifts) {
                json.writeStartObject();
                json.writeStringField("kind", d.kind().id());
                json.writeStringField("category", d.kind().category());
                json.writeStringField("model", d.model());
                json.writeStringField("subject", d.subject());
                json.writeStringField("before", d.before());
                json.writeStringField("after", d.after());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }
}
