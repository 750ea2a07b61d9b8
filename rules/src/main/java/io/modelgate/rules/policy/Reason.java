package io.modelgate.rules.policy;

import io.modelgate.scanner.model.Finding;

import java.util.Objects;

/**
 * Why a decision is what it is: one rule, finding or fact. A reason about a finding keeps the finding and writes
 * its line when asked: a scan of many models has a reason per finding, and the lines, each naming its file, were
 * the largest thing a decision held (20 MB of 100,000 single-file models).
 */
public final class Reason {

    private final Outcome effect;
    private final String code;
    private final String model;
    private final String ruleId;
    private final String file;
    /** The whole message, or what comes before the finding's line when there is a finding. */
    private final String text;
    private final Finding finding;

    /**
     * @param effect  REJECT or REVIEW; APPROVE for a note, which holds nothing back
     * @param code    what kind of reason (see {@link ReasonCodes}): {@code finding}, {@code license.deny}, …
     * @param model   the model unit concerned ({@code ModelAssessment.path}), null when none
     * @param ruleId  the finding's rule, null when the reason is a policy rule alone
     * @param file    the file concerned (finding location), null when the whole model is
     * @param message one line for a reviewer
     */
    public Reason(Outcome effect, String code, String model, String ruleId, String file, String message) {
        this(effect, code, model, ruleId, file, message, null);
    }

    private Reason(Outcome effect, String code, String model, String ruleId, String file, String text,
                   Finding finding) {
        this.effect = effect;
        this.code = code;
        this.model = model;
        this.ruleId = ruleId;
        this.file = file;
        this.text = Objects.requireNonNull(text, "text");
        this.finding = finding;
    }

    /** A reason about {@code finding}, its message {@code prefix} and the finding's line. */
    static Reason about(Finding finding, Outcome effect, String code, String model, String prefix) {
        return new Reason(effect, code, model, finding.ruleId(), finding.location().path().toString(), prefix,
                finding);
    }

    /** A finding as one line: severity, rule, place, subject and message. */
    static String lineOf(Finding finding) {
        return finding.severity().id() + " " + finding.ruleId() + " at " + finding.location() + ": "
                + (finding.subject() == null ? "" : finding.subject() + ": ") + finding.message();
    }

    public Outcome effect() {
        return effect;
    }

    public String code() {
        return code;
    }

    public String model() {
        return model;
    }

    public String ruleId() {
        return ruleId;
    }

    public String file() {
        return file;
    }

    /** One line for a reviewer. */
    public String message() {
        return finding == null ? text : text + lineOf(finding);
    }

    /** This reason as a note, its message prefixed. */
    Reason asNote(String prefix) {
        return new Reason(Outcome.APPROVE, code, model, ruleId, file, prefix + text, finding);
    }

    Reason withMessage(String message) {
        return new Reason(effect, code, model, ruleId, file, message);
    }

    /** The path a waiver's glob is matched against: the file, else the model. */
    String waiverPath() {
        return file != null ? file : model;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reason that && effect == that.effect && Objects.equals(code, that.code)
                && Objects.equals(model, that.model) && Objects.equals(ruleId, that.ruleId)
                && Objects.equals(file, that.file) && message().equals(that.message());
    }

    @Override
    public int hashCode() {
        return Objects.hash(effect, code, model, ruleId, file, message());
    }

    @Override
    public String toString() {
        return "Reason[effect=" + effect + ", code=" + code + ", model=" + model + ", ruleId=" + ruleId + ", file="
                + file + ", message=" + message() + "]";
    }
}
