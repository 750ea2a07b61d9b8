package io.modelgate.rules.policy;

/**
 * Why a decision is what it is: one rule, finding or fact.
 *
 * @param effect  REJECT or REVIEW; APPROVE for a note, which holds nothing back
 * @param code    what kind of reason (see {@link ReasonCodes}): {@code finding}, {@code license.deny}, …
 * @param model   the model unit concerned ({@code ModelAssessment.path}), null when none
 * @param ruleId  the finding's rule, null when the reason is a policy rule alone
 * @param file    the file concerned (finding location), null when the whole model is
 * @param message one line for a reviewer
 */
public record Reason(Outcome effect, String code, String model, String ruleId, String file, String message) {

    /** This reason as a note, its message prefixed. */
    Reason asNote(String prefix) {
        return new Reason(Outcome.APPROVE, code, model, ruleId, file, prefix + message);
    }

    Reason withMessage(String text) {
        return new Reason(effect, code, model, ruleId, file, text);
    }

    /** The path a waiver's glob is matched against: the file, else the model. */
    String waiverPath() {
        return file != null ? file : model;
    }
}
