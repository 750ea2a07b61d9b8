package io.modelgate.assessment;

/**
 * Why something could not be analysed completely (fail closed: never clean).
 *
 * @param file   the file or folder concerned, as shown in reports
 * @param reason one line for a reviewer
 */
public record IncompleteReason(String file, String reason) {
}
