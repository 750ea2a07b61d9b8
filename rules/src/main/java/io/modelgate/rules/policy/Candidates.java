package io.modelgate.rules.policy;

import java.util.ArrayList;
import java.util.List;

/** The reasons and notes the checks produce, before waivers and approvals are applied. */
final class Candidates {

    private final List<Reason> all = new ArrayList<>();

    /** Adds a reason with the given effect; a {@code NOTE} effect adds a note. */
    void add(Effect effect, String code, String model, String ruleId, String file, String message) {
        all.add(new Reason(effect.outcome(), code, model, ruleId, file, message));
    }

    void note(String code, String model, String ruleId, String file, String message) {
        add(Effect.NOTE, code, model, ruleId, file, message);
    }

    List<Reason> all() {
        return all;
    }
}
