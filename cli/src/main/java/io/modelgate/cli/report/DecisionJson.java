package io.modelgate.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.rules.policy.AppliedWaiver;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Reason;
import io.modelgate.rules.policy.Waiver;

import java.util.List;
import java.util.Locale;

/** The report's {@code decision} object (docs/policy.md, docs/report-schema.md). */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static ObjectNode of(ObjectMapper mapper, Decision decision) {
        ObjectNode node = mapper.createObjectNode();
        node.put("outcome", decision.outcome().name().toLowerCase(Locale.ROOT));
        ObjectNode policy = node.putObject("policy");
        policy.put("name", decision.policyName());
        policy.put("version", decision.policyVersion());
        node.put("nothingToAssess", decision.nothingToAssess());
        node.put("incomplete", decision.incomplete());
        reasons(node.putArray("reasons"), decision.reasons());
        reasons(node.putArray("notes"), decision.notes());
        ArrayNode waived = node.putArray("waivers");
        for (AppliedWaiver applied : decision.waivers()) {
            ObjectNode w = waiver(waived.addObject(), applied.waiver());
            reason(w.putObject("waived"), applied.waived());
        }
        ArrayNode unused = node.putArray("unusedWaivers");
        decision.unusedWaivers().forEach(w -> waiver(unused.addObject(), w));
        ArrayNode expired = node.putArray("expiredWaivers");
        decision.expiredWaivers().forEach(w -> waiver(expired.addObject(), w));
        return node;
    }

    private static void reasons(ArrayNode array, List<Reason> reasons) {
        reasons.forEach(r -> reason(array.addObject(), r));
    }

    private static void reason(ObjectNode node, Reason reason) {
        node.put("effect", reason.effect().name().toLowerCase(Locale.ROOT));
        node.put("code", reason.code());
        putIfPresent(node, "model", reason.model());
        putIfPresent(node, "rule", reason.ruleId());
        putIfPresent(node, "file", reason.file());
        node.put("message", reason.message());
    }

    private static ObjectNode waiver(ObjectNode node, Waiver waiver) {
        node.put("rule", waiver.rule());
        node.put("path", waiver.path());
        node.put("reason", waiver.reason());
        node.put("owner", waiver.owner());
        putIfPresent(node, "expires", waiver.expires() == null ? null : waiver.expires().toString());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
