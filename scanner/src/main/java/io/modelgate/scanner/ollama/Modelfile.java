package io.modelgate.scanner.ollama;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses an Ollama Modelfile as Ollama's parser does: one instruction per line (command names in any case),
 * '#' comments, and arguments bare to the end of the line, in double quotes, or in triple quotes over several
 * lines. An unknown command or an unclosed quote is an error, as it is for 'ollama create'.
 */
record Modelfile(List<Instruction> instructions) {

    static final Set<String> COMMANDS = Set.of("FROM", "ADAPTER", "TEMPLATE", "SYSTEM", "PARAMETER", "LICENSE",
            "MESSAGE", "REQUIRES");

    /**
     * One instruction, its argument (quotes removed), the line it starts on, and whether the command was written
     * in capitals (as every Modelfile does, while Python's 'from' imports do not).
     */
    record Instruction(String command, String argument, int line, boolean capitals) {
    }

    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    static Modelfile parse(String text) throws ParseException {
        List<Instruction> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = firstSpace(line);
            String written = space < 0 ? line : line.substring(0, space);
            String command = written.toUpperCase(Locale.ROOT);
            if (!COMMANDS.contains(command)) {
                throw new ParseException("line " + (i + 1) + ": unknown command '" + abbreviate(line) + "'");
            }
            String rest = space < 0 ? "" : line.substring(space).strip();
            int start = i + 1;
            if (rest.startsWith("\"\"\"")) {
                StringBuilder value = new StringBuilder();
                String tail = rest.substring(3);
                while (true) {
                    int close = tail.indexOf("\"\"\"");
                    if (close >= 0) {
                        value.append(tail, 0, close);
                        break;
                    }
                    value.append(tail).append('\n');
                    if (++i >= lines.length) {
                        throw new ParseException("line " + start + ": the triple-quoted argument is never closed");
                    }
                    tail = lines[i];
                }
                rest = value.toString();
            } else if (rest.startsWith("\"") && rest.length() >= 2 && rest.endsWith("\"")) {
                rest = rest.substring(1, rest.length() - 1);
            } else if (rest.startsWith("\"")) {
                throw new ParseException("line " + start + ": the quoted argument is never closed");
            }
            out.add(new Instruction(command, rest, start, written.equals(command)));
        }
        return new Modelfile(List.copyOf(out));
    }

    /**
     * The first instruction's line, stripped, found as {@link #parse} finds it (blank lines and '#' comments
     * skipped) without splitting the whole text: every text file is asked, and nearly none is a Modelfile.
     */
    static Optional<String> firstInstruction(String text) {
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return Optional.of(line);
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    /** Whether the first instruction's command is FROM, as {@link #parse} reads a command. */
    static boolean firstCommandIsFrom(String text) {
        return firstInstruction(text).map(line -> {
            int space = firstSpace(line);
            return (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT).equals("FROM");
        }).orElse(false);
    }

    Optional<Instruction> first(String command) {
        return instructions.stream().filter(i -> i.command().equals(command)).findFirst();
    }

    private static int firstSpace(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isWhitespace(line.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
