package io.modelgate.scanner.secrets;

import io.modelgate.scanner.model.Rule;

/** Kinds of credential the scanner recognises, each with the rule it reports under. */
public enum SecretKind {
    AWS_ACCESS_KEY("AWS access key with secret", SecretRules.CLOUD_CREDENTIAL),
    AWS_ACCESS_KEY_ID("AWS access key ID", SecretRules.ACCESS_KEY_ID),
    GCP_SERVICE_ACCOUNT("GCP service-account key", SecretRules.CLOUD_CREDENTIAL),
    AZURE_STORAGE_KEY("Azure storage account key", SecretRules.CLOUD_CREDENTIAL),
    HUGGING_FACE_TOKEN("Hugging Face token", SecretRules.API_TOKEN),
    OPENAI_KEY("OpenAI API key", SecretRules.API_TOKEN),
    ANTHROPIC_KEY("Anthropic API key", SecretRules.API_TOKEN),
    GITHUB_TOKEN("GitHub token", SecretRules.API_TOKEN),
    SLACK_TOKEN("Slack token", SecretRules.API_TOKEN),
    SLACK_WEBHOOK("Slack webhook URL", SecretRules.API_TOKEN),
    PRIVATE_KEY("private key", SecretRules.PRIVATE_KEY);

    private final String label;
    private final Rule rule;

    SecretKind(String label, Rule rule) {
        this.label = label;
        this.rule = rule;
    }

    public String label() {
        return label;
    }

    public Rule rule() {
        return rule;
    }
}
