package io.modelgate.rules.policy.spdx;

import java.util.List;

/**
 * A parsed SPDX license expression: a license (with an optional {@code WITH} exception), or a conjunction or
 * disjunction of expressions. {@link #toString()} gives the canonical text.
 */
public sealed interface SpdxExpression {

    /**
     * One license.
     *
     * @param id        the license id in its canonical case, or a {@code LicenseRef-} / knowledge-base id as written
     * @param orLater   written with a trailing {@code +}
     * @param exception the {@code WITH} exception id, null when none
     */
    record License(String id, boolean orLater, String exception) implements SpdxExpression {
        @Override
        public String toString() {
            return id + (orLater ? "+" : "") + (exception == null ? "" : " WITH " + exception);
        }
    }

    /** All of the parts apply. */
    record And(List<SpdxExpression> parts) implements SpdxExpression {
        public And {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return join(parts, " AND ");
        }
    }

    /** The user may choose any one of the parts. */
    record Or(List<SpdxExpression> parts) implements SpdxExpression {
        public Or {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return join(parts, " OR ");
        }
    }

    private static String join(List<SpdxExpression> parts, String operator) {
        StringBuilder text = new StringBuilder();
        for (SpdxExpression part : parts) {
            if (!text.isEmpty()) {
                text.append(operator);
            }
            boolean group = !(part instanceof License);
            text.append(group ? "(" : "").append(part).append(group ? ")" : "");
        }
        return text.toString();
    }
}
