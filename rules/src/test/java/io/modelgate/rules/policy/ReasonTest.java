package io.modelgate.rules.policy;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reason about a finding writes its line when read; it is the reason a plain message of that line makes. */
class ReasonTest {

    private final Finding finding = TestScans.finding(CoreRules.UNREADABLE, "models/a.pkl", "subject");

    @Test
    void aReasonAboutAFindingReadsAsThePlainReasonOfItsLine() {
        Reason about = Reason.about(finding, Outcome.REJECT, ReasonCodes.FINDING, "models", "not fully analysed: ");
        String line = finding.severity().id() + " " + finding.ruleId() + " at models/a.pkl@12: subject: explanation";
        assertThat(about.message()).isEqualTo("not fully analysed: " + line);
        Reason plain = new Reason(Outcome.REJECT, ReasonCodes.FINDING, "models", finding.ruleId(), "models/a.pkl",
                "not fully analysed: " + line);
        assertThat(about).isEqualTo(plain).hasSameHashCodeAs(plain).hasToString(plain.toString());
        assertThat(about.file()).isEqualTo("models/a.pkl");
    }

    @Test
    void aNoteKeepsTheFindingAndItsPrefix() {
        Reason about = Reason.about(finding, Outcome.REVIEW, ReasonCodes.FINDING, "models", "");
        Reason note = about.asNote("settled: ");
        assertThat(note.effect()).isEqualTo(Outcome.APPROVE);
        assertThat(note.message()).isEqualTo("settled: " + Reason.lineOf(finding));
        assertThat(about.withMessage("other").message()).isEqualTo("other");
    }
}
