package io.modelgate.rules.policy.load;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.rules.policy.Effect;
import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.SecurityGate;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PolicyLoaderTest {

    private final PolicyLoader loader = new PolicyLoader(KnowledgeBaseLoader.builtIn());

    private Policy parse(String text) throws PolicyException {
        return loader.parse(text, "p.yaml", null);
    }

    private List<PolicyError> errors(String text) {
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> parse(text));
        assertThat(e).as("expected the policy to be rejected").isNotNull();
        return e.errors();
    }

    private PolicyError onlyError(String text) {
        List<PolicyError> errors = errors(text);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    /** The knowledge base is asked for only by a policy that names licenses, publishers or families, and once. */
    @Test
    void theKnowledgeBaseIsLoadedOnlyForAPolicyThatNamesWhatItKnows() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PolicyLoader lazy = new PolicyLoader(() -> {
            asked.incrementAndGet();
            return KnowledgeBaseLoader.builtIn();
        });
        Policy plain = Profiles.load(Profiles.DEFAULT, lazy);
        assertThat(asked).hasValue(0);
        assertThat(plain).isEqualTo(Profiles.load(Profiles.DEFAULT, loader));

        String naming = "version: 1\nlicenses: {deny: [MIT]}\norigin: {families: {deny: [qwen]}, "
                + "publishers: {review: [Allen Institute for AI]}}\n";
        assertThat(lazy.parse(naming, "p.yaml", null)).isEqualTo(parse(naming));
        assertThat(asked).hasValue(1);
        assertThat(catchThrowableOfType(PolicyException.class, () -> lazy.parse(
                "version: 1\norigin: {families: {deny: [no-such-family]}}\n", "p.yaml", null)).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).contains("unknown family 'no-such-family'"));
        assertThat(asked).hasValue(1);
    }

    @Test
    void everyProfileLoads() {
        for (String name : Profiles.names()) {
            Policy policy = Profiles.load(name, loader);
            assertThat(policy.name()).isEqualTo(name);
        }
    }

    @Test
    void defaultProfileIsTheSecurityGate() {
        Policy policy = Profiles.load(Profiles.DEFAULT, loader);
        assertThat(policy.gate()).isEqualTo(SecurityGate.defaults());
        assertThat(policy.licenses().onMissing()).isEqualTo(Effect.NOTE);
        assertThat(policy.licenses().constrains()).isFalse();
        assertThat(policy.origin().countries().isEmpty()).isTrue();
        assertThat(policy.signature().demanded()).isFalse();
        assertThat(policy.approvedModels()).isNull();
        assertThat(policy.waivers()).isEmpty();
    }

    @Test
    void minimalPolicyGetsTheDefaults() throws Exception {
        Policy policy = parse("version: 1\n");
        assertThat(policy.gate()).isEqualTo(SecurityGate.defaults());
        assertThat(policy.name()).isEqualTo("p.yaml");
        assertThat(policy.expiryWarningDays()).isEqualTo(30);
    }

    @Test
    void readsTheIssueExampleShape() throws Exception {
        Policy policy = parse("""
                version: 1
                gate:      { failOn: high, reviewOn: medium }
                licenses:  { allow: [MIT, "Apache-2.0 OR MIT"], deny: [CC-BY-NC-4.0], review: [LicenseRef-llama3.1],
                             requireCommercialUse: true, onMissing: review }
                origin:
                  countries:  { allow: [us, FR], deny: [KP], review: [CN] }
                  publishers: { review: [Alibaba Cloud] }
                  families:   { deny: [qwen2.5] }
                  requireDeclaredBase: true
                formats:   { deny: [pickle], maxFileSize: 200G }
                pickle:    { allow: [mycompany.models.*] }
                approvedModels:
                  - { digest: "sha256:%s", approvedBy: "sec@example.com", approvedOn: 2026-12-01, expires: 2027-06-01 }
                waivers:
                  - { rule: MG-PKL-002, path: "**/legacy/*.pkl", reason: "reviewed", owner: "ml", expires: 2027-01-31 }
                """.formatted("a".repeat(64)));
        assertThat(policy.gate().reviewOn()).isEqualTo(Severity.MEDIUM);
        assertThat(policy.licenses().allow()).extracting(Object::toString).containsExactly("MIT", "Apache-2.0 OR MIT");
        assertThat(policy.licenses().onMissing()).isEqualTo(Effect.REVIEW);
        assertThat(policy.origin().countries().allow()).containsExactly("US", "FR");
        assertThat(policy.origin().onUnknown()).isEqualTo(Effect.REVIEW);
        assertThat(policy.formats().maxFileSize()).isEqualTo(200L << 30);
        assertThat(policy.pickle().allows("mycompany.models.net.Net")).isTrue();
        assertThat(policy.pickle().allows("mycompanyx.Net")).isFalse();
        assertThat(policy.approvedModels()).singleElement()
                .satisfies(a -> assertThat(a.expires()).isEqualTo(LocalDate.of(2027, 6, 1)));
        assertThat(policy.waivers()).singleElement().satisfies(w -> {
            assertThat(w.rule()).isEqualTo("MG-PKL-002");
            assertThat(w.line()).isEqualTo(15);
        });
    }

    @Test
    void unknownKeyIsLocatedAndSuggestsTheRightSpelling() {
        PolicyError error = onlyError("version: 1\ngate:\n  failon: medium\n");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(3);
        assertThat(error.message()).contains("unknown key 'failon'", "did you mean 'failOn'");
    }

    @Test
    void unknownTopLevelKey() {
        PolicyError error = onlyError("version: 1\nlicence: {}\n");
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(1);
        assertThat(error.message()).contains("unknown key 'licence'", "at the top level");
    }

    @Test
    void yamlBooleansMeanWhatTheParserReads() throws Exception {
        Policy on = loader.parse("version: 1\ngate: {strict: yes, allowIncomplete: on}\n", "p.yaml", null);
        Policy off = loader.parse("version: 1\ngate: {strict: No, allowIncomplete: FALSE}\n", "p.yaml", null);
        assertThat(on.gate().strict()).isTrue();
        assertThat(on.gate().allowIncomplete()).isTrue();
        assertThat(off.gate().strict()).isFalse();
        assertThat(off.gate().allowIncomplete()).isFalse();
    }

    @Test
    void wrongTypesAreLocated() {
        List<PolicyError> errors = errors("""
                version: 1
                gate:
                  strict: "yes"
                licenses:
                  deny: CC-BY-NC-4.0
                signature: [a]
                """);
        assertThat(errors).extracting(PolicyError::line, PolicyError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 11), org.assertj.core.groups.Tuple.tuple(5, 9),
                        org.assertj.core.groups.Tuple.tuple(6, 12));
        assertThat(errors.get(0).message()).contains("gate.strict", "true or false");
        assertThat(errors.get(1).message()).contains("licenses.deny", "must be a list");
        assertThat(errors.get(2).message()).contains("'signature'", "must be a map");
    }

    @Test
    void badSpdxIdsAndExpressionsAreLocated() {
        List<PolicyError> errors = errors("""
                version: 1
                licenses:
                  allow:
                    - Apache2.0
                    - "MIT OR"
                    - "MIT and Apache-2.0"
                    - "GPL-2.0-only WITH Nonsense-exception"
                """);
        assertThat(errors).extracting(PolicyError::line).containsExactly(4, 5, 6, 7);
        assertThat(errors).extracting(PolicyError::column).containsOnly(7);
        assertThat(errors.get(0).message()).contains("unknown SPDX license id 'Apache2.0'");
        assertThat(errors.get(1).message()).contains("ends where a license id is expected");
        assertThat(errors.get(2).message()).contains("must be written AND");
        assertThat(errors.get(3).message()).contains("unknown SPDX license exception");
    }

    @Test
    void spdxIdsIgnoreCaseAndKnowledgeBaseLicensesCount() throws Exception {
        Policy policy = parse("version: 1\nlicenses: { deny: [apache-2.0, CreativeML-OpenRAIL-M, LicenseRef-x] }\n");
        assertThat(policy.licenses().deny()).extracting(Object::toString)
                .containsExactly("Apache-2.0", "CreativeML-OpenRAIL-M", "LicenseRef-x");
    }

    @Test
    void aLicenseOnTwoListsIsAnError() {
        PolicyError error = onlyError("version: 1\nlicenses: { allow: [MIT], deny: [mit] }\n");
        assertThat(error.message()).contains("'MIT' is on both 'licenses.allow' and 'licenses.deny'");
        assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void badCountryCodes() {
        List<PolicyError> errors = errors("version: 1\norigin:\n  countries:\n    deny: [CHN, XX, \"NO\"]\n");
        assertThat(errors).hasSize(2);
        assertThat(errors).extracting(PolicyError::line).containsOnly(4);
        assertThat(errors).extracting(PolicyError::column).containsExactly(12, 17);
        assertThat(errors.get(0).message()).contains("'CHN' is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void unquotedNorwayIsACountryNotFalse() throws Exception {
        Policy policy = parse("version: 1\norigin: { countries: { review: [NO, CN] } }\n");
        assertThat(policy.origin().countries().review()).containsExactly("NO", "CN");
    }

    @Test
    void unknownFamiliesAndPublishersAreErrors() {
        List<PolicyError> errors = errors("version: 1\norigin:\n  families: { deny: [qwne] }\n"
                + "  publishers: { review: [Nobody Inc] }\n");
        assertThat(errors).extracting(PolicyError::message)
                .anySatisfy(m -> assertThat(m).contains("unknown family 'qwne'"))
                .anySatisfy(m -> assertThat(m).contains("unknown publisher 'Nobody Inc'"));
    }

    @Test
    void badDatesAreLocated() {
        List<PolicyError> errors = errors("""
                version: 1
                waivers:
                  - rule: MG-PKL-002
                    reason: r
                    owner: o
                    expires: 2027-02-30
                  - rule: MG-PKL-002
                    reason: r
                    owner: o
                    expires: next year
                """);
        assertThat(errors).extracting(PolicyError::line, PolicyError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, 14), org.assertj.core.groups.Tuple.tuple(10, 14));
        assertThat(errors.get(0).message()).contains("waivers[0].expires", "YYYY-MM-DD", "2027-02-30");
    }

    @Test
    void waiversNeedRuleReasonAndOwner() {
        List<PolicyError> errors = errors("version: 1\nwaivers:\n  - rule: MG-XYZ-999\n    path: \"a/[b]\"\n");
        assertThat(errors).extracting(PolicyError::message)
                .anySatisfy(m -> assertThat(m).contains("unknown rule 'MG-XYZ-999'"))
                .anySatisfy(m -> assertThat(m).contains("'reason' is required in 'waivers[0]'"))
                .anySatisfy(m -> assertThat(m).contains("'owner' is required in 'waivers[0]'"))
                .anySatisfy(m -> assertThat(m).contains("not supported in path patterns"));
        assertThat(errors).allSatisfy(e -> assertThat(e.line()).isBetween(3, 4));
    }

    @Test
    void waiversMayNameDecisionCodes() throws Exception {
        Policy policy = parse("version: 1\nwaivers: [{rule: license.deny, reason: r, owner: o}]\n");
        assertThat(policy.waivers().get(0).path()).isEqualTo("**");
        assertThat(policy.waivers().get(0).expires()).isNull();
    }

    @Test
    void approvedModelsAreChecked() {
        List<PolicyError> errors = errors("""
                version: 1
                approvedModels:
                  - digest: "sha256:abc"
                    approvedOn: 2026-12-01
                  - digest: "sha256:%1$s"
                    approvedBy: a
                    approvedOn: 2026-12-01
                    expires: 2026-01-01
                  - digest: "sha256:%1$s"
                    approvedBy: b
                    approvedOn: 2026-12-01
                """.formatted("b".repeat(64)));
        assertThat(errors).extracting(PolicyError::message)
                .anySatisfy(m -> assertThat(m).contains("sha256: followed by 64"))
                .anySatisfy(m -> assertThat(m).contains("'approvedBy' is required"))
                .anySatisfy(m -> assertThat(m).contains("'expires' is before 'approvedOn'"))
                .anySatisfy(m -> assertThat(m).contains("digest listed twice (first at line 5)"));
    }

    @Test
    void emptyRegisterIsPresentAndDeniesByDefault() throws Exception {
        assertThat(parse("version: 1\napprovedModels: []\n").approvedModels()).isEmpty();
        assertThat(parse("version: 1\n").approvedModels()).isNull();
    }

    @Test
    void versionIsRequiredAndChecked() {
        assertThat(onlyError("gate: {failOn: high}\n").message()).contains("'version' is required");
        PolicyError error = onlyError("version: 2\n");
        assertThat(error.message()).contains("version 2 is not supported");
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.column()).isEqualTo(10);
    }

    @Test
    void severitiesAndEffectsAreChecked() {
        List<PolicyError> errors = errors("version: 1\ngate: {failOn: medium, reviewOn: high}\n"
                + "licenses: {onMissing: warn}\n");
        assertThat(errors).extracting(PolicyError::message)
                .anySatisfy(m -> assertThat(m).contains("must be less severe than 'gate.failOn'"))
                .anySatisfy(m -> assertThat(m).contains("must be reject, review or note, not 'warn'"));
        assertThat(onlyError("version: 1\ngate: {failOn: severe}\n").message())
                .contains("critical, high, medium, low, info or none");
    }

    @Test
    void formatsAndPicklePatternsAreChecked() {
        List<PolicyError> errors = errors("version: 1\nformats: {deny: [pkl], maxFileSize: lots}\n"
                + "pickle: {allow: [\"os.*; rm\"]}\n");
        assertThat(errors).extracting(PolicyError::message)
                .anySatisfy(m -> assertThat(m).contains("unknown format 'pkl'"))
                .anySatisfy(m -> assertThat(m).contains("'lots' is not a size"))
                .anySatisfy(m -> assertThat(m).contains("is not an import pattern"));
    }

    @Test
    void duplicateKeysAndYamlSyntaxErrorsAreLocated() {
        PolicyError duplicate = onlyError("version: 1\ngate: {}\ngate: {}\n");
        assertThat(duplicate.message()).contains("duplicate key 'gate' (first at line 2)");
        assertThat(duplicate.line()).isEqualTo(3);
        PolicyError syntax = onlyError("version: 1\ngate:\n  failOn: [high\n");
        assertThat(syntax.message()).startsWith("not valid YAML");
        assertThat(syntax.line()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThat(onlyError("").message()).contains("the policy is empty");
        assertThat(onlyError("- a\n").message()).contains("must be a map of keys");
    }

    @Test
    void pathsAreRelativeToThePolicyFileAndMustExist(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/team.pub"), "key");
        Path file = dir.resolve("policy.yaml");
        Files.writeString(file, "version: 1\nsignature:\n  publicKeys: [keys/team.pub]\n"
                + "lock: {file: approved/model.lock}\n");
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> loader.load(file));
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.line()).isEqualTo(4);
            assertThat(err.column()).isEqualTo(14);
            assertThat(err.message()).contains("no such file: approved/model.lock");
        });
        assertThat(e.getMessage()).startsWith(file + ":4:14: ");
        Files.createDirectories(dir.resolve("approved"));
        Files.writeString(dir.resolve("approved/model.lock"), "lock");
        Policy policy = loader.load(file);
        assertThat(policy.signature().publicKeys()).containsExactly(dir.resolve("keys/team.pub"));
        assertThat(policy.lock().file()).isEqualTo(dir.resolve("approved/model.lock"));
        assertThat(policy.name()).isEqualTo("policy.yaml");
    }

    @Test
    void builtInProfilesCannotNameFiles() {
        assertThatThrownBy(() -> parse("version: 1\nlock: {file: x.lock}\n"))
                .hasMessageContaining("a built-in profile cannot name files");
    }
}
