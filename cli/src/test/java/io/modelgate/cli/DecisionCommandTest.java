package io.modelgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Decisions and exit codes end to end: options, policy files, profiles, signatures, reports. */
class DecisionCommandTest {

    private static final Path QUICKSTART = Path.of("..", "fixtures", "examples", "quickstart");
    private static final Path WEIGHTS = Path.of("..", "fixtures", "safetensors", "tiny-llama-f16.safetensors");
    private static final Path OTHER_CA = Path.of("..", "fixtures", "signing", "model-transparency",
            "intermediate-ca.pem");

    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void model() throws IOException {
        model = Files.createDirectory(dir.resolve("model"));
        Files.copy(WEIGHTS, model.resolve("model.safetensors"));
        Files.writeString(model.resolve("config.json"), "{\"model_type\": \"llama\"}\n");
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.path("decision").path("reasons").forEach(r -> codes.add(r.path("code").asText()));
        return codes;
    }

    @Test
    void theSameScanGetsTheSameDecisionInEveryFormat() throws IOException {
        CliRun text = CliRun.of("scan", QUICKSTART.toString());
        CliRun json = CliRun.of("scan", "--format", "json", QUICKSTART.toString());
        assertThat(text.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(json.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(text.out()).contains("Decision: REJECT (policy default), 1 reason(s)");
        JsonNode decision = json(json).path("decision");
        assertThat(decision.path("outcome").asText()).isEqualTo("reject");
        assertThat(decision.path("policy").path("name").asText()).isEqualTo("default");
        JsonNode reason = decision.path("reasons").get(0);
        assertThat(reason.path("code").asText()).isEqualTo("finding");
        assertThat(reason.path("rule").asText()).isEqualTo("MG-PKL-001");
        assertThat(reason.path("file").asText()).endsWith("model.ckpt");
        assertThat(decision.path("notes").toString()).contains("MG-LIC-001");
        assertThat(json(json).path("gate").path("result").asText()).isEqualTo("fail");
    }

    @Test
    void aCleanModelIsApproved() throws IOException {
        CliRun run = CliRun.of("scan", "--format", "json", model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json(run).path("decision").path("outcome").asText()).isEqualTo("approve");
    }

    @Test
    void anEmptyScanHasNothingToAssessAndExits2() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun run = CliRun.of("scan", empty.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("nothing to assess");
        assertThat(CliRun.of("scan", "--review-exit-code", "0", empty.toString()).exitCode())
                .isEqualTo(ExitCodes.INCOMPLETE);
    }

    @Test
    void reviewExitsWithTheReviewCode() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "version: 1\nlicenses: {review: [MIT]}\n");
        Files.writeString(model.resolve("README.md"), "---\nlicense: mit\n---\n# tiny\n");
        CliRun run = CliRun.of("scan", "--format", "json", "--policy", policy.toString(), model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REVIEW);
        assertThat(codes(json(run))).containsExactly("license.review");
        assertThat(CliRun.of("scan", "--policy", policy.toString(), "--review-exit-code", "0", model.toString())
                .exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(CliRun.of("scan", "--policy", policy.toString(), "--review-exit-code", "7", model.toString())
                .exitCode()).isEqualTo(7);
        assertThat(CliRun.of("scan", "--review-exit-code", "300", model.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void profilesAreSelectable() {
        CliRun run = CliRun.of("scan", "--profile", "origin-review", model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REVIEW);
        assertThat(run.out()).contains("Decision: REVIEW (policy origin-review)");
        assertThat(CliRun.of("scan", "--profile", "nope", model.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anInvalidPolicyIsAUsageErrorWithItsLocation() throws IOException {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), "version: 1\norigin:\n  countries: {deny: [XX]}\n");
        CliRun run = CliRun.of("scan", "--policy", policy.toString(), model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(policy + ":3:22: 'XX' is not an ISO 3166-1 alpha-2 country code");
        assertThat(CliRun.of("scan", "--policy", policy.toString(), "--profile", "strict", model.toString())
                .exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("scan", "--policy", dir.resolve("none.yaml").toString(), model.toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void commandLineOverridesThePolicyGate() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "version: 1\ngate: {failOn: critical}\n");
        CliRun lenient = CliRun.of("scan", "--policy", policy.toString(), QUICKSTART.toString());
        assertThat(lenient.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        Path medium = Files.writeString(dir.resolve("m.yaml"), "version: 1\ngate: {failOn: none}\n");
        assertThat(CliRun.of("scan", "--policy", medium.toString(), QUICKSTART.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(CliRun.of("scan", "--policy", medium.toString(), "--fail-on", "critical", QUICKSTART.toString())
                .exitCode()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aLimitMakesTheScanIncompleteNotRejected() {
        CliRun run = CliRun.of("scan", "--max-file-size", "1K", model.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(run.out()).contains("[incomplete]");
        assertThat(CliRun.of("scan", "--max-file-size", "1K", "--allow-incomplete", model.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void aGivenKeyRequiresAValidSignatureFromIt() throws Exception {
        Path[] a = keyPair("a");
        Path[] b = keyPair("b");
        assertThat(CliRun.of("sign", "--key", a[0].toString(), model.toString()).exitCode()).isEqualTo(ExitCodes.OK);

        CliRun valid = CliRun.of("scan", "--format", "json", "--public-key", a[1].toString(), model.toString());
        assertThat(valid.exitCode()).isEqualTo(ExitCodes.OK);

        CliRun wrongKey = CliRun.of("scan", "--format", "json", "--public-key", b[1].toString(), model.toString());
        assertThat(wrongKey.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(codes(json(wrongKey))).contains("signature.otherSigner");

        CliRun otherMethod = CliRun.of("scan", "--format", "json", "--ca-cert", OTHER_CA.toString(),
                model.toString());
        assertThat(otherMethod.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(codes(json(otherMethod))).contains("signature.otherMethod");

        Files.delete(model.resolve("model.sig"));
        CliRun absent = CliRun.of("scan", "--format", "json", "--public-key", a[1].toString(), model.toString());
        assertThat(absent.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(codes(json(absent))).contains("signature.required");
        assertThat(CliRun.of("scan", model.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void keysInThePolicyAreRelativeToItAndRequired() throws Exception {
        Path[] a = keyPair("a");
        Path policyDir = Files.createDirectories(dir.resolve("ci/keys"));
        Files.copy(a[1], policyDir.resolve("team.pub"));
        Path policy = Files.writeString(dir.resolve("ci/policy.yaml"),
                "version: 1\nsignature: {publicKeys: [keys/team.pub]}\n");
        CliRun unsigned = CliRun.of("scan", "--format", "json", "--policy", policy.toString(), model.toString());
        assertThat(unsigned.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(codes(json(unsigned))).contains("signature.required");
        CliRun.of("sign", "--key", a[0].toString(), model.toString());
        assertThat(CliRun.of("scan", "--policy", policy.toString(), model.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void theLockInThePolicyIsCheckedAndRequired() throws Exception {
        Path policyDir = Files.createDirectories(dir.resolve("ci"));
        assertThat(CliRun.of("lock", "-o", policyDir.resolve("model.lock").toString(), model.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        Path policy = Files.writeString(policyDir.resolve("policy.yaml"),
                "version: 1\nlock: {required: true, file: model.lock}\n");
        assertThat(CliRun.of("scan", "--policy", policy.toString(), model.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        Path required = Files.writeString(policyDir.resolve("required.yaml"), "version: 1\nlock: {required: true}\n");
        CliRun noLock = CliRun.of("scan", "--format", "json", "--policy", required.toString(), model.toString());
        assertThat(codes(json(noLock))).containsExactly("lock.required");
        Files.writeString(model.resolve("config.json"), "{\"model_type\": \"other\"}\n");
        CliRun changed = CliRun.of("scan", "--format", "json", "--policy", policy.toString(), model.toString());
        assertThat(changed.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(codes(json(changed))).contains("lock.mismatch");
    }

    @Test
    void theApprovedModelsRegister() throws Exception {
        CliRun first = CliRun.of("scan", "--format", "json", model.toString());
        String digest = json(first).path("models").get(0).path("digest").asText();
        assertThat(digest).startsWith("sha256:");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "version: 1\napprovedModels: []\n");
        CliRun blocked = CliRun.of("scan", "--format", "json", "--policy", empty.toString(), model.toString());
        assertThat(blocked.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(codes(json(blocked))).containsExactly("approvedModels.missing");
        Path register = Files.writeString(dir.resolve("reg.yaml"), "version: 1\napprovedModels:\n  - digest: \""
                + digest + "\"\n    approvedBy: security\n    approvedOn: 2026-01-01\n");
        assertThat(CliRun.of("scan", "--policy", register.toString(), model.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
    }

    @Test
    void waiversAreReportedWithTheDecision() throws IOException {
        Path policy = Files.writeString(dir.resolve("w.yaml"), """
                version: 1
                waivers:
                  - {rule: MG-PKL-001, path: "**/downloaded-checkpoint/*", reason: sandbox demo, owner: sec}
                  - {rule: MG-PKL-006, path: "**", reason: nothing, owner: sec}
                """);
        CliRun run = CliRun.of("scan", "--format", "json", "--policy", policy.toString(), QUICKSTART.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode decision = json(run).path("decision");
        assertThat(decision.path("waivers").get(0).path("owner").asText()).isEqualTo("sec");
        assertThat(decision.path("waivers").get(0).path("waived").path("rule").asText()).isEqualTo("MG-PKL-001");
        assertThat(decision.path("unusedWaivers").get(0).path("rule").asText()).isEqualTo("MG-PKL-006");
        CliRun text = CliRun.of("scan", "--policy", policy.toString(), QUICKSTART.toString());
        assertThat(text.out()).contains("waived [finding]").contains("unused waiver MG-PKL-006");
    }

    private Path[] keyPair(String name) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        return new Path[]{Files.writeString(dir.resolve(name + ".pem"), pem(key.getPrivate())),
                Files.writeString(dir.resolve(name + ".pub"), pem(key.getPublic()))};
    }

    private static String pem(Object item) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(item);
        }
        return out.toString();
    }
}
