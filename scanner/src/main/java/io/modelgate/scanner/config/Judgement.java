package io.modelgate.scanner.config;

/**
 * The verdict on one callable a config names, and the reason (the list entry behind it).
 *
 * @param target  the dotted path as judged
 * @param verdict what importing or calling it means
 * @param reason  why, for the finding's message
 */
public record Judgement(String target, TargetVerdict verdict, String reason) {
}
