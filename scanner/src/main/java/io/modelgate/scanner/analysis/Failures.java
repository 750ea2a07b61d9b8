package io.modelgate.scanner.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.ZipException;

/**
 * Turns a failure into one plain line for a report: what went wrong in the reader's words, never a Java class,
 * an exception name or a stack trace. Messages written by this project pass through; messages of the platform
 * or a library pass only when they name no class.
 */
public final class Failures {

    /** A qualified class name ({@code java.io.EOFException}), an exception or error type, or a stack frame. */
    private static final Pattern CODE_WORDS = Pattern.compile(
            "(?<![\\w./-])(?:java|javax|jdk|sun|com|org|io)\\.[a-z]|\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][\\w$]*"
                    + "|\\w+(?:Exception|Error)\\b|\\bat [\\w$.]+\\(");
    /** Where Jackson says which input it read: a Java object's name, useless in a report. */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(?(?:start marker at )?\\[Source:[^\\]]*\\]\\)?");
    private static final int LONGEST = 300;
    /** Why a file that ran out of memory, even when analysed alone, is incomplete. */
    public static final String OUT_OF_MEMORY = "not enough memory to analyse it (the Java heap is too small)";

    private Failures() {
    }

    /** One line saying why reading stopped. */
    public static String describe(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof OutOfMemoryError) {
            return OUT_OF_MEMORY;
        }
        if (e instanceof StackOverflowError) {
            return "nesting too deep to analyse";
        }
        if (e instanceof JsonProcessingException json) {
            return "malformed JSON: " + cleanOr(json.getOriginalMessage(), "unexpected content");
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return cleanOr(fs.getReason(), "the file system refused access");
        }
        String fallback = plainWords(e);
        return cleanOr(e.getMessage(), fallback);
    }

    /** Whether a message names a Java class, an exception type or a stack frame. */
    public static boolean namesCode(String message) {
        return message != null && CODE_WORDS.matcher(message).find();
    }

    private static String plainWords(Throwable e) {
        if (e instanceof EOFException) {
            return "the data ends early (truncated)";
        }
        if (e instanceof NumberFormatException) {
            return "a number is malformed";
        }
        if (e instanceof ZipException || e instanceof DataFormatException) {
            return "the compressed data is malformed";
        }
        if (e instanceof CharacterCodingException) {
            return "text is not valid in its encoding";
        }
        if (e instanceof ArithmeticException) {
            return "a size or count is out of range";
        }
        if (e instanceof IndexOutOfBoundsException || e instanceof NegativeArraySizeException) {
            return "a length or offset points outside the data";
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof ClassCastException || e instanceof NullPointerException
                || e instanceof UnsupportedOperationException) {
            return "a structure the reader does not handle";
        }
        return "unreadable data";
    }

    private static String cleanOr(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String line = SOURCE_REFERENCE.matcher(message.strip().lines().findFirst().orElse("")).replaceAll("").strip();
        if (line.isEmpty() || namesCode(line)) {
            return fallback;
        }
        return line.length() > LONGEST ? line.substring(0, LONGEST) + "…" : line;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof UncheckedIOException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
