package io.modelgate.scanner.secrets;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.io.ByteSource;


import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in text by their real structure (fixed prefixes, exact lengths, alphabets,
 * checksummed markers), never by entropy alone: tokenizer vocabularies and base64 weights are full
 * of random-looking strings. One pass looks for the literal prefixes; only there is a bounded,
 * anchored pattern tried, so scanning stays linear and fast on large or hostile text.
 */
public final class SecretScanner {

    /**
     * A credential shape: a literal prefix, the anchored pattern of the whole token, and whether the
     * prefix must start a word (not follow a token character).
     */
    private record Shape(String prefix, boolean ignoreCase, boolean wordStart, Pattern pattern, SecretKind kind) {
    }

    private static final List<Shape> SHAPES = List.of(
            token("hf_", "hf_[A-Za-z0-9]{34}(?![A-Za-z0-9_])", SecretKind.HUGGING_FACE_TOKEN),
            token("sk-ant-", "sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{80,120}AA(?![A-Za-z0-9_-])", SecretKind.ANTHROPIC_KEY),
            token("sk-", "sk-[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}(?![A-Za-z0-9_-])", SecretKind.OPENAI_KEY),
            token("gh", "gh(?:[pousr]_[A-Za-z0-9]{36}|ub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])",
                    SecretKind.GITHUB_TOKEN),
            token("xox", "xox[abposr]-[0-9]{8,14}-[0-9]{8,14}(?:-[A-Za-z0-9]{8,64}){0,2}(?![A-Za-z0-9-])",
                    SecretKind.SLACK_TOKEN),
            new Shape("https://hooks.slack.com/services/", false, false, Pattern.compile(
                    "https://hooks\\.slack\\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}(?![A-Za-z0-9])"),
                    SecretKind.SLACK_WEBHOOK),
            new Shape("AccountKey=", false, false, Pattern.compile("AccountKey=[A-Za-z0-9+/]{86}=="),
                    SecretKind.AZURE_STORAGE_KEY),
            token("A", "A(?:KIA|SIA|BIA|CCA)[A-Z2-7]{16}(?![A-Za-z0-9])", SecretKind.AWS_ACCESS_KEY_ID),
            new Shape("aws", true, false, Pattern.compile(
                    "(?i)aws_?secret_?access_?key[\"']?\\s{0,4}[:=]\\s{0,4}[\"']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"),
                    SecretKind.AWS_ACCESS_KEY),
            new Shape("-----BEGIN ", false, false, Pattern.compile(
                    "-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----"), SecretKind.PRIVATE_KEY));
    private static final int MAX_TOKEN_CHARS = 400;
    private static final Pattern AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final int AWS_PAIR_WINDOW = 400;
    private static final Pattern KEY_BODY = Pattern.compile("[A-Za-z0-9+/]{40}");
    private static final int KEY_BODY_WINDOW = 300;
    private static final Pattern GCP_MARKER = Pattern.compile("\"type\"\\s{0,8}:\\s{0,8}\"service_account\"");
    private static final int MAX_MATCHES = 100;
    private static final int WINDOW_CHARS = 1 << 20;
    private static final int OVERLAP_CHARS = 4096;

    private SecretScanner() {
    }

    private static Shape token(String prefix, String regex, SecretKind kind) {
        return new Shape(prefix, false, true, Pattern.compile(regex), kind);
    }

    /** Every credential in {@code text}, in order of position (at most 100). */
    public static List<SecretMatch> find(CharSequence text) {
        List<SecretMatch> found = new ArrayList<>();
        Boolean serviceAccount = null;
        int n = text.length();
        for (int i = 0; i < n && found.size() < MAX_MATCHES; i++) {
            char c = text.charAt(i);
            if (c != 'h' && c != 's' && c != 'g' && c != 'x' && c != 'A' && c != 'a' && c != '-') {
                continue;
            }
            for (Shape shape : SHAPES) {
                if (!startsAt(text, i, shape) || (shape.wordStart() && i > 0 && isTokenChar(text.charAt(i - 1)))) {
                    continue;
                }
                Matcher m = shape.pattern().matcher(text).region(i, Math.min(n, i + MAX_TOKEN_CHARS))
                        .useTransparentBounds(true).useAnchoringBounds(false);
                if (!m.lookingAt()) {
                    continue;
                }
                String match = m.group();
                SecretMatch accepted = switch (shape.kind()) {
                    case AWS_ACCESS_KEY_ID -> awsKeyId(text, i, m.end(), match, found);
                    case AWS_ACCESS_KEY -> awsNamedSecret(match, i, found);
                    case PRIVATE_KEY -> {
                        if (!hasKeyBody(text, m.end())) {
                            yield null;
                        }
                        if (serviceAccount == null) {
                            serviceAccount = GCP_MARKER.matcher(text).find();
                        }
                        yield new SecretMatch(serviceAccount ? SecretKind.GCP_SERVICE_ACCOUNT : SecretKind.PRIVATE_KEY,
                                i, match);
                    }
                    default -> looksRandom(match) ? new SecretMatch(shape.kind(), i, redact(match)) : null;
                };
                if (accepted != null) {
                    found.add(accepted);
                    i = m.end() - 1;
                    break;
                }
            }
        }
        return found;
    }

    private static boolean startsAt(CharSequence text, int at, Shape shape) {
        String prefix = shape.prefix();
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char a = text.charAt(at + k);
            char b = prefix.charAt(k);
            if (a != b && !(shape.ignoreCase() && Character.toLowerCase(a) == b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static SecretMatch awsKeyId(CharSequence text, int start, int end, String keyId, List<SecretMatch> found) {
        if (keyId.contains("EXAMPLE")) {
            return null;
        }
        if (!hasAwsSecretNear(text, start, end)) {
            return new SecretMatch(SecretKind.AWS_ACCESS_KEY_ID, start, redact(keyId));
        }
        return pairReported(found, start) ? null : new SecretMatch(SecretKind.AWS_ACCESS_KEY, start, redact(keyId));
    }

    /** A named secret ({@code aws_secret_access_key = ...}); one finding per key pair. */
    private static SecretMatch awsNamedSecret(String assignment, int start, List<SecretMatch> found) {
        String secret = assignment.substring(assignment.length() - 40);
        if (!looksRandom(secret) || secret.contains("EXAMPLE") || pairReported(found, start)) {
            return null;
        }
        return new SecretMatch(SecretKind.AWS_ACCESS_KEY, start, redact(secret));
    }

    private static boolean pairReported(List<SecretMatch> found, int start) {
        return found.stream().anyMatch(f -> f.kind() == SecretKind.AWS_ACCESS_KEY && start - f.start() <= AWS_PAIR_WINDOW);
    }

    /**
     * Reports every credential in {@code text} to {@code context}.
     *
     * @param where where the text comes from, e.g. "metadata value 'description'"
     * @return the number of credentials reported
     */
    public static int scan(CharSequence text, String where, AnalysisContext context) {
        List<SecretMatch> matches = find(text);
        matches.forEach(m -> report(m, 0, where, context));
        return matches.size();
    }

    /**
     * Reports every credential in a UTF-8 text source of any size, read in overlapping windows so
     * memory stays bounded and no credential is lost at a window edge. Invalid bytes are replaced.
     *
     * @return the number of credentials reported
     */
    public static int scanUtf8(ByteSource source, String where, AnalysisContext context) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        // UTF-8 never decodes to more chars than bytes: a small file gets a small window (and ends in one pass).
        char[] window = new char[(int) Math.min(WINDOW_CHARS + OVERLAP_CHARS, source.size() + 1)];
        int reported = 0;
        try (Reader reader = new InputStreamReader(source.open(), decoder)) {
            long base = 0;
            int length = 0;
            boolean end = false;
            while (!end && reported < MAX_MATCHES) {
                context.deadline().check();
                int n;
                while (length < window.length && (n = reader.read(window, length, window.length - length)) > 0) {
                    length += n;
                }
                end = length < window.length;
                int limit = end ? length : length - OVERLAP_CHARS;
                for (SecretMatch m : find(CharBuffer.wrap(window, 0, length))) {
                    if (m.start() < limit && reported < MAX_MATCHES) {
                        report(m, base, where, context);
                        reported++;
                    }
                }
                if (!end) {
                    System.arraycopy(window, limit, window, 0, OVERLAP_CHARS);
                    base += limit;
                    length = OVERLAP_CHARS;
                }
            }
        }
        return reported;
    }

    private static void report(SecretMatch m, long base, String where, AnalysisContext context) {
        context.report(m.kind().rule(), m.redacted(),
                m.kind().label() + " in " + where + " (character " + (base + m.start()) + "): " + m.redacted());
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

    private static boolean hasKeyBody(CharSequence text, int from) {
        return KEY_BODY.matcher(text).region(from, Math.min(text.length(), from + KEY_BODY_WINDOW)).find();
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
