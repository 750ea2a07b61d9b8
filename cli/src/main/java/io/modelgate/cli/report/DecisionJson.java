package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.modelgate.rules.policy.AppliedWaiver;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Reason;
import io.modelgate.rules.policy.Waiver;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The report's {@code decision} object (docs/policy.md, docs/report-schema.md), written as it is reached: a
 * scan of many units has a note per unit, which as a tree held hundreds of thousands of nodes at once.
 */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static void write(JsonGenerator json, Decision decision) throws IOException {
        json.writeStartObject();
        json.writeStringField("outcome", decision.outcome().name().toLowerCase(Locale.ROOT));
        json.writeObjectFieldStart("policy");
        json.writeStringField("name", decision.policyName());
        json.writeStringField("version", decision.policyVersion());
        json.writeEndObject();
        json.writeBooleanField("nothingToAssess", decision.nothingToAssess());
        json.writeBooleanField("incomplete", decision.incomplete());
        reasons(json, "reasons", decision.reasons());
        reasons(json, "notes", decision.notes());
        json.writeArrayFieldStart("waivers");
        for (AppliedWaiver applied : decision.waivers()) {
            json.writeStartObject();
            waiverFields(json, applied.waiver());
            json.writeFieldName("waived");
            reason(json, applied.waived());
            json.writeEndObject();
        }
        json.writeEndArray();
        waivers(json, "unusedWaivers", decision.unusedWaivers());
        waivers(json, "expiredWaivers", decision.expiredWaivers());
        json.writeEndObject();
    }

    private static void reasons(JsonGenerator json, String field, List<Reason> reasons) throws IOException {
        json.writeArrayFieldStart(field);
        for (Reason reason : reasons) {
            reason(json, reason);
        }
        json.writeEndArray();
    }

    private static void reason(JsonGenerator json, Reason reason) throws IOException {
        json.writeStartObject();
        json.writeStringField("effect", reason.effect().name().toLowerCase(Locale.ROOT));
        json.writeStringField("code", reason.code());
        stringIfPresent(json, "model", reason.model());
        stringIfPresent(json, "rule", reason.ruleId());
        stringIfPresent(json, "file", reason.file());
        json.writeStringField("message", reason.message());
        json.writeEndObject();
    }

    private static void waivers(JsonGenerator json, String field, List<Waiver> waivers) throws IOException {
        json.writeArrayFieldStart(field);
        for (Waiver waiver : waivers) {
            json.writeStartObject();
            waiverFields(json, waiver);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void waiverFields(JsonGenerator json, Waiver waiver) throws IOException {
        json.writeStringField("rule", waiver.rule());
        json.writeStringField("path", waiver.path());
        json.writeStringField("reason", waiver.reason());
        json.writeStringField("owner", waiver.owner());
        stringIfPresent(json, "expires", waiver.expires() == null ? null : waiver.expires().toString());
    }

    private static void stringIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }
}
