package io.modelgate.scanner.secrets;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for credentials found in model files, metadata and text files. */
public final class SecretRules {

    public static final Rule CLOUD_CREDENTIAL = new Rule("MG-SEC-001", Severity.HIGH, "secret",
            "Cloud credential in model artifact",
            "An AWS access key with its secret, a GCP service-account key or an Azure storage account key. "
                    + "Anyone with the model can use it; revoke the credential and remove it from the artifact.");
    public static final Rule API_TOKEN = new Rule("MG-SEC-002", Severity.HIGH, "secret",
            "API token in model artifact",
            "A token with the structure of a Hugging Face, OpenAI, Anthropic, GitHub or Slack credential. "
                    + "Revoke it and remove it from the artifact.");
    public static final Rule PRIVATE_KEY = new Rule("MG-SEC-003", Severity.HIGH, "secret",
            "Private key in model artifact",
            "A PEM or PGP private key block with key material. Revoke the key and remove it from the artifact.");
    public static final Rule ACCESS_KEY_ID = new Rule("MG-SEC-004", Severity.MEDIUM, "secret",
            "Cloud access key ID in model artifact",
            "An AWS access key ID without a secret next to it. Alone it does not grant access, but it names an "
                    + "account and often travels with its secret elsewhere in the same repository.");

    public static final List<Rule> ALL = List.of(CLOUD_CREDENTIAL, API_TOKEN, PRIVATE_KEY, ACCESS_KEY_ID);

    private SecretRules() {
    }
}
