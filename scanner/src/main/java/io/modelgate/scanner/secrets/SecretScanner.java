package io.modelgate.scanner.secrets;

import io.modelgate.scanner.analysis.AnalysisContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text by their real structure (fixed prefixes, exact lengths, alphabets,
 * checksummed markers), never by entropy alone: tokenizer vocabularies and base64 weights are full
 * of random-looking strings. Every quantifier is bounded and every pattern starts with a literal, so
 * hostile text cannot make matching slow.
 */
public final class SecretScanner {

    private static final Pattern AWS_KEY_ID = Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])");
    private static final Pattern AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final Pattern AWS_NAMED_SECRET = Pattern.compile(
            "(?i)aws_?secret_?access_?key[\"']?\\s{0,4}[:=]\\s{0,4}[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])");
    private static final int AWS_PAIR_WINDOW = 400;
    private static final Pattern PRIVATE_KEY_BEGIN = Pattern.compile(
            "-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----");
    private static final Pattern KEY_BODY = Pattern.compile("[A-Za-z0-9+/]{40}");
    private static final int KEY_BODY_WINDOW = 300;
    private static final Pattern GCP_MARKER = Pattern.compile("\"type\"\\s{0,8}:\\s{0,8}\"service_account\"");
    private static final Pattern AZURE_KEY = Pattern.compile("AccountKey=[A-Za-z0-9+/]{86}==");
    private static final Pattern HF_TOKEN = Pattern.compile("(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{34}(?![A-Za-z0-9_])");
    private static final Pattern OPENAI_KEY = Pattern.compile(
            "(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}(?![A-Za-z0-9_-])");
    private static final Pattern ANTHROPIC_KEY = Pattern.compile(
            "(?<![A-Za-z0-9_-])sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,120}AA(?![A-Za-z0-9_-])");
    private static final Pattern GITHUB_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])");
    private static final Pattern SLACK_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9])xox[abposr]-[0-9]{8,14}-[0-9]{8,14}(?:-[A-Za-z0-9]{8,64}){0,2}(?![A-Za-z0-9-])");
    private static final Pattern SLACK_WEBHOOK = Pattern.compile(
            "https://hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}");
    private static final int MAX_MATCHES = 100;

    private SecretScanner() {
    }

    /** Every credential in {@code text}, in order of position (at most 100). */
    public static List<SecretMatch> find(CharSequence text) {
        List<SecretMatch> found = new ArrayList<>();
        findAws(text, found);
        findPrivateKeys(text, found);
        simple(text, AZURE_KEY, SecretKind.AZURE_STORAGE_KEY, found);
        simple(text, HF_TOKEN, SecretKind.HUGGING_FACE_TOKEN, found);
        simple(text, OPENAI_KEY, SecretKind.OPENAI_KEY, found);
        simple(text, ANTHROPIC_KEY, SecretKind.ANTHROPIC_KEY, found);
        simple(text, GITHUB_TOKEN, SecretKind.GITHUB_TOKEN, found);
        simple(text, SLACK_TOKEN, SecretKind.SLACK_TOKEN, found);
        simple(text, SLACK_WEBHOOK, SecretKind.SLACK_WEBHOOK, found);
        found.sort(Comparator.comparingInt(SecretMatch::start));
        return found.size() > MAX_MATCHES ? List.copyOf(found.subList(0, MAX_MATCHES)) : found;
    }

    /**
     * Reports every credential in {@code text} to {@code context}.
     *
     * @param where where the text comes from, e.g. "metadata value 'description'"
     * @return the number of credentials reported
     */
    public static int scan(CharSequence text, String where, AnalysisContext context) {
        List<SecretMatch> matches = find(text);
        for (SecretMatch m : matches) {
            context.report(m.kind().rule(), m.redacted(),
                    m.kind().label() + " in " + where + " (character " + m.start() + "): " + m.redacted());
        }
        return matches.size();
    }

    private static void simple(CharSequence text, Pattern pattern, SecretKind kind, List<SecretMatch> found) {
        Matcher m = pattern.matcher(text);
        while (m.find() && found.size() < MAX_MATCHES) {
            String token = m.group();
            if (looksRandom(token)) {
                found.add(new SecretMatch(kind, m.start(), redact(token)));
            }
        }
    }

    private static void findAws(CharSequence text, List<SecretMatch> found) {
        Matcher id = AWS_KEY_ID.matcher(text);
        while (id.find() && found.size() < MAX_MATCHES) {
            String keyId = id.group();
            if (keyId.contains("EXAMPLE")) {
                continue;
            }
            boolean paired = hasAwsSecretNear(text, id.start(), id.end());
            found.add(new SecretMatch(paired ? SecretKind.AWS_ACCESS_KEY : SecretKind.AWS_ACCESS_KEY_ID, id.start(),
                    redact(keyId)));
        }
        Matcher named = AWS_NAMED_SECRET.matcher(text);
        while (named.find() && found.size() < MAX_MATCHES) {
            String secret = named.group(1);
            boolean reported = found.stream().anyMatch(f -> f.kind() == SecretKind.AWS_ACCESS_KEY
                    && Math.abs(f.start() - named.start()) <= AWS_PAIR_WINDOW);
            if (!reported && looksRandom(secret) && !secret.contains("EXAMPLE")) {
                found.add(new SecretMatch(SecretKind.AWS_ACCESS_KEY, named.start(1), redact(secret)));
            }
        }
    }

    private static boolean hasAwsSecretNear(CharSequence text, int idStart, int idEnd) {
        int from = Math.max(0, idStart - AWS_PAIR_WINDOW);
        int to = Math.min(text.length(), idEnd + AWS_PAIR_WINDOW);
        Matcher secret = AWS_SECRET.matcher(text).region(from, to);
        while (secret.find()) {
            String s = secret.group();
            if (looksRandom(s) && hasAllClasses(s) && !s.contains("EXAMPLE")) {
                return true;
            }
        }
        return false;
    }

    private static void findPrivateKeys(CharSequence text, List<SecretMatch> found) {
        Matcher begin = PRIVATE_KEY_BEGIN.matcher(text);
        boolean serviceAccount = GCP_MARKER.matcher(text).find();
        while (begin.find() && found.size() < MAX_MATCHES) {
            int to = Math.min(text.length(), begin.end() + KEY_BODY_WINDOW);
            if (!KEY_BODY.matcher(text).region(begin.end(), to).find()) {
                continue;
            }
            SecretKind kind = serviceAccount ? SecretKind.GCP_SERVICE_ACCOUNT : SecretKind.PRIVATE_KEY;
            found.add(new SecretMatch(kind, begin.start(), begin.group()));
        }
    }

    /** Real tokens are random: many distinct characters, letters and digits mixed. Placeholders are not. */
    static boolean looksRandom(String s) {
        boolean digit = false;
        boolean letter = false;
        java.util.BitSet seen = new java.util.BitSet(128);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
            seen.set(c & 0x7f);
        }
        return digit && letter && seen.cardinality() >= Math.min(12, s.length() / 2);
    }

    private static boolean hasAllClasses(String s) {
        return s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase)
                && s.chars().anyMatch(Character::isDigit);
    }

    /** Keeps the recognisable prefix and the last two characters. */
    static String redact(String token) {
        int keep = Math.min(token.length() / 3, token.startsWith("github_pat_") ? 11 : 4);
        if (token.startsWith("https://hooks.slack.com/")) {
            keep = "https://hooks.slack.com/services/".length();
        }
        return token.substring(0, keep) + "…" + token.substring(token.length() - 2) + " (" + token.length() + " chars)";
    }
}
