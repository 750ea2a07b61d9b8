package io.modelgate.scanner.secrets;

import io.modelgate.scanner.analysis.FileCollector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.modelgate.scanner.testing.ArtifactScan.ruleIds;
import static io.modelgate.scanner.testing.ArtifactScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

class SecretScannerTest {

    // Structurally valid but made-up credentials, assembled so no scanner flags this source file.
    private static final String AWS_ID = "AKIA" + "Q3EGRXWZ4KTB7NVM";
    private static final String AWS_SECRET = "wJalrXUtnF3MI/K7MDENG/bPxRfiCYz9Kq2Lp8Vd";
    private static final String HF = "hf_" + "Vb7kQ2mZx9RtY4pLw8NcJd3HsA6fUe1GqO";
    private static final String OPENAI = "sk-" + "proj-Ab12Cd34Ef56Gh78Ij90" + "T3BlbkFJ" + "Kl12Mn34Op56Qr78St90Uv";
    private static final String GITHUB = "ghp_" + "R8bT3kLm9QzX2wV7nHc4JpY6sDf1GaE5uKoI";
    private static final String SLACK = "xoxb-" + "123456789012-987654321098-" + "AbCdEfGhIjKlMnOpQrStUvWx";
    private static final String AZURE = "DefaultEndpointsProtocol=https;AccountName=modelstore;AccountKey="
            + "q8Vb3Zk1Lx7Rm2Tn9Wp4Ys6Hd0Jf5Gc8Ka3Qe1Uo7Ni2Mv4Bx9Cz6Dl0Ew5Fr8Gt1Hy3Iu7Jo2Kp4Lq6Ms9Nt0Ov5P".substring(0, 86) + "==";
    private static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

    private static List<SecretKind> kinds(String text) {
        return SecretScanner.find(text).stream().map(SecretMatch::kind).toList();
    }

    @Test
    void recognisesEachCredentialByItsStructure() {
        assertThat(kinds("aws_access_key_id = " + AWS_ID + "\naws_secret_access_key = " + AWS_SECRET))
                .containsExactly(SecretKind.AWS_ACCESS_KEY);
        assertThat(kinds("key " + AWS_ID + " only")).containsExactly(SecretKind.AWS_ACCESS_KEY_ID);
        assertThat(kinds("token=" + HF)).containsExactly(SecretKind.HUGGING_FACE_TOKEN);
        assertThat(kinds("OPENAI_API_KEY=" + OPENAI)).containsExactly(SecretKind.OPENAI_KEY);
        assertThat(kinds("GH=" + GITHUB)).containsExactly(SecretKind.GITHUB_TOKEN);
        assertThat(kinds(SLACK)).containsExactly(SecretKind.SLACK_TOKEN);
        assertThat(kinds(AZURE)).containsExactly(SecretKind.AZURE_STORAGE_KEY);
        assertThat(kinds("-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "\n-----END RSA PRIVATE KEY-----"))
                .containsExactly(SecretKind.PRIVATE_KEY);
        String serviceAccount = "{\"type\": \"service_account\", \"project_id\": \"p\", \"private_key\": "
                + "\"-----BEGIN PRIVATE KEY-----\\n" + PEM_BODY + "\\n-----END PRIVATE KEY-----\\n\"}";
        assertThat(kinds(serviceAccount)).containsExactly(SecretKind.GCP_SERVICE_ACCOUNT);
    }

    @Test
    void placeholdersDocsAndLookalikesAreIgnored() {
        List<String> benign = List.of("AKIAIOSFODNN7EXAMPLE", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "sk-" + "a".repeat(48), "ghp_" + "0".repeat(36), "-----BEGIN PRIVATE KEY-----",
                "Put your key between -----BEGIN RSA PRIVATE KEY----- and the END line.",
                "The key starts with AKIA and is 20 characters long.", "use hf_hub_download(repo_id=...)",
                "xoxb-your-token", "AccountKey=<your key>");
        for (String text : benign) {
            assertThat(kinds(text)).as(text).isEmpty();
        }
    }

    @Test
    void tokenizerVocabulariesDoNotTrigger() {
        Random random = new Random(11);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-Ġ▁";
        StringBuilder vocab = new StringBuilder("{\"model\":{\"type\":\"BPE\",\"vocab\":{");
        List<String> prefixes = List.of("AKIA", "ASIA", "hf_", "sk-", "ghp_", "xoxb-", "github_pat_", "T3BlbkFJ", "==");
        for (int i = 0; i < 60_000; i++) {
            StringBuilder token = new StringBuilder(i % 7 == 0 ? prefixes.get(i % prefixes.size()) : "");
            int len = 1 + random.nextInt(18);
            for (int k = 0; k < len; k++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            vocab.append('"').append(token).append("\":").append(i).append(',');
        }
        vocab.append("\"end\":0}, \"merges\":[");
        for (int i = 0; i < 5_000; i++) {
            byte[] blob = new byte[30];
            random.nextBytes(blob);
            vocab.append('"').append(java.util.Base64.getEncoder().encodeToString(blob)).append("\",");
        }
        vocab.append("\"\"]}}");
        assertThat(SecretScanner.find(vocab)).isEmpty();
    }

    @Test
    void textFilesAreScannedAcrossWindowEdges() {
        StringBuilder text = new StringBuilder();
        List<Integer> positions = new ArrayList<>();
        while (text.length() < 3_500_000) {
            text.append("lorem ipsum dolor sit amet ".repeat(1000));
            positions.add(text.length());
            text.append(HF).append('\n');
        }
        FileCollector result = scan("notes.md", text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(result.format().id()).isEqualTo("text");
        assertThat(result.findings()).hasSize(1);
        assertThat(ruleIds(result)).containsExactly("MG-SEC-002");
        // the same token at many places: one finding (same subject), but it was seen at the last position too
        long lastAt = positions.get(positions.size() - 1);
        assertThat(SecretScanner.find(text.substring((int) lastAt - 10))).hasSize(1);
    }

    @Test
    void distinctSecretsAtAWindowBoundaryAreEachReportedOnce() {
        int window = 1 << 20;
        StringBuilder text = new StringBuilder("x".repeat(window - 20));
        text.append(' ').append(GITHUB).append(' ').append("y".repeat(5000)).append(' ').append(HF).append('\n');
        FileCollector result = scan("long.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(result.findings()).extracting(f -> f.ruleId()).containsExactly("MG-SEC-002", "MG-SEC-002");
        assertThat(result.findings()).extracting(f -> f.message()).anyMatch(m -> m.contains("character " + (window - 19)));
    }

    @Test
    void redactionKeepsOnlyAPrefix() {
        SecretMatch m = SecretScanner.find(HF).get(0);
        assertThat(m.redacted()).startsWith("hf_V").doesNotContain(HF.substring(5, 30)).contains("37 chars");
    }
}
