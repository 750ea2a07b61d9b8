package io.modelgate.rules.policy;

import io.modelgate.scanner.model.Finding;

import java.util.ArrayList;
import java.util.List;

/** The reasons and notes the checks produce, before waivers and approvals are applied. */
final class Candidates {

    private final List<Reason> all = new ArrayList<>();

    /** Adds a reason with the given effect; a {@code NOTE} effect adds a note. */
    void add(Effect effect, String code, String model, String ruleId, String file, String message) {
        all.add(new Reason(effect.outcome(), code, model, ruleId, file, message));
    }

    /** Adds a reason about {@code finding}: {@code prefix} and the finding's line, written when read. */
    void addAbout(Finding finding, Effect effect, String code, String model, String prefix) {
        all.add(Reason.about(finding, effect.outcome(), code, model, prefix));
    }

    void note(String code, String model, String ruleId, String file, String message) {
        add(Effect.NOTE, code, model, ruleId, file, message);
    }

    List<Reason> all() {
        return all;
    }
}
