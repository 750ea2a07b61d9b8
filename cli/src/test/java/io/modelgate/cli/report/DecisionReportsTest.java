package io.modelgate.cli.report;

import io.modelgate.rules.policy.AppliedWaiver;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Outcome;
import io.modelgate.rules.policy.Reason;
import io.modelgate.rules.policy.SecurityGate;
import io.modelgate.rules.policy.Waiver;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionReportsTest {

    @Test
    void carriesEveryPartOfTheDecisionAndGroupsWhatEachWaiverAccepted() {
        Waiver waiver = new Waiver("MG-PKL-002", "vendor/**", "reviewed", "sec@example.org", LocalDate.of(2027, 1, 31), 12);
        Waiver unused = new Waiver("license.deny", "**", "legacy", "legal", null, 20);
        Reason a = new Reason(Outcome.REVIEW, "finding", "vendor/m", "MG-PKL-002", "vendor/m/a.pkl", "import x");
        Reason b = new Reason(Outcome.REVIEW, "finding", "vendor/m", "MG-PKL-002", "vendor/m/b.pkl", "import y");
        Reason reject = new Reason(Outcome.REJECT, "license.deny", "models/q", null, null, "GPL-3.0 is denied");
        Reason note = new Reason(Outcome.APPROVE, "approval", "models/q", null, null, "approved by CAB-12");
        Decision decision = new Decision(Outcome.REJECT, List.of(reject),
                List.of(new AppliedWaiver(waiver, a), new AppliedWaiver(waiver, b)), List.of(unused), List.of(),
                "strict", "1", false, false, List.of(note), SecurityGate.defaults());
        ReportDecision shown = DecisionReports.of(decision);
        assertThat(shown.outcome()).isEqualTo("REJECT");
        assertThat(shown.rejects()).isTrue();
        assertThat(shown.reasons()).containsExactly(new ReportDecision.Reason("REJECT", "license.deny", "models/q",
                null, null, "GPL-3.0 is denied"));
        assertThat(shown.waivers()).singleElement().satisfies(w -> {
            assertThat(w.expires()).isEqualTo("2027-01-31");
            assertThat(w.accepted()).containsExactly("finding MG-PKL-002 at vendor/m/a.pkl: import x",
                    "finding MG-PKL-002 at vendor/m/b.pkl: import y");
        });
        assertThat(shown.unusedWaivers()).containsExactly("license.deny on **, policy line 20");
        assertThat(shown.notes()).extracting(ReportDecision.Reason::message).containsExactly("approved by CAB-12");
        assertThat(shown.policyName()).isEqualTo("strict");
    }
}
