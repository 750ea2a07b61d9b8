package io.modelgate.scanner.python;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.testing.TestContexts;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TorchScriptCodeTest {

    private static final String CODE = "class M(Module):\n  def forward(self: __torch__.M, x: Tensor) -> Tensor:\n"
            + "    y = ops.prim.NumToTensor(torch.size(x, 0))\n    return ops.acme_fast.fused_gelu(x, y)\n";

    private static FileCollector analyse(ArtifactPath path) throws Exception {
        FileCollector collector = new FileCollector();
        AnalysisContext context = new AnalysisContext(path, Limits.defaults(), collector,
                Deadline.after(Duration.ofSeconds(30)), (p, s, f, c, d) -> { });
        new PythonSourceAnalyzer().analyze(new ArrayByteSource(CODE.getBytes(StandardCharsets.UTF_8)), context);
        return collector;
    }

    @Test
    void customOperatorNamespaceInTorchScriptCodeIsReviewed() throws Exception {
        FileCollector collector = analyse(ArtifactPath.of("model.pt").child("model/code/__torch__/m.py"));

        assertThat(TestContexts.ruleIds(collector)).containsExactly("MG-PY-012");
        assertThat(collector.findings().get(0).message()).startsWith("line 4:");
        assertThat(collector.findings().get(0).subject()).isEqualTo("torch.ops.acme_fast");
    }

    @Test
    void bareOpsOutsideTorchScriptIsTheFilesOwnName() throws Exception {
        assertThat(analyse(ArtifactPath.of("modeling_m.py")).findings()).isEmpty();
    }
}
