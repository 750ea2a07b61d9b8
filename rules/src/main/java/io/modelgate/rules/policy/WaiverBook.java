package io.modelgate.rules.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's waivers on one date: which are in force, which have expired, which were used. A waiver
 * matches a reason when it names the reason's rule id or code and its glob matches the reason's file (or
 * model).
 */
final class WaiverBook {

    private final List<Waiver> waivers;
    private final LocalDate today;
    private final Set<Waiver> used = new LinkedHashSet<>();

    WaiverBook(List<Waiver> waivers, LocalDate today) {
        this.waivers = waivers;
        this.today = today;
    }

    /** The waiver in force for the reason, recorded as used. */
    Optional<Waiver> inForce(Reason reason) {
        for (Waiver waiver : waivers) {
            if (!waiver.expiredOn(today) && matches(waiver, reason)) {
                used.add(waiver);
                return Optional.of(waiver);
            }
        }
        return Optional.empty();
    }

    /** An expired waiver that would have matched the reason. */
    Optional<Waiver> expiredFor(Reason reason) {
        return waivers.stream().filter(w -> w.expiredOn(today) && matches(w, reason)).findFirst();
    }

    List<Waiver> expired() {
        return waivers.stream().filter(w -> w.expiredOn(today)).toList();
    }

    List<Waiver> unused() {
        return waivers.stream().filter(w -> !w.expiredOn(today) && !used.contains(w)).toList();
    }

    List<Waiver> expiringWithin(int days) {
        List<Waiver> out = new ArrayList<>();
        for (Waiver waiver : waivers) {
            if (waiver.expires() != null && !waiver.expiredOn(today)
                    && !today.plusDays(days).isBefore(waiver.expires())) {
                out.add(waiver);
            }
        }
        return out;
    }

    private static boolean matches(Waiver waiver, Reason reason) {
        boolean rule = waiver.rule().equals(reason.ruleId()) || waiver.rule().equals(reason.code());
        return rule && PathGlob.compile(waiver.path()).matches(reason.waiverPath());
    }
}
