package io.modelgate.scanner.pickle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The mutants recorded by {@code fixtures/pickle/mutants.py}: how to rebuild each one from its fixture, and
 * what CPython's unpickler did with it. {@code -Dmodelgate.pickleMutants=FILE} reads a larger recording.
 */
final class RecordedMutants {

    static final Path FIXTURES = Path.of("..", "fixtures", "pickle");

    /**
     * @param reached  whether the real loader (C or pure Python) got as far as a global lookup
     * @param executes whether one of the modules it looked up exists, so that loading runs its code
     * @param globals  {@code module name} pairs it looked up, as written in the stream
     */
    record Mutant(String id, byte[] data, boolean reached, boolean executes, List<String> globals) {
    }

    private RecordedMutants() {
    }

    static Path file() {
        return Path.of(System.getProperty("modelgate.pickleMutants", FIXTURES.resolve("mutants.json").toString()));
    }

    static List<Mutant> load() throws IOException {
        JsonNode root = new ObjectMapper().readTree(file().toFile());
        List<Mutant> mutants = new ArrayList<>();
        for (JsonNode m : root.get("mutants")) {
            String source = m.get("source").asText();
            byte[] original = Files.readAllBytes(FIXTURES.resolve(source));
            if (!sha256(original).equals(root.get("sources").get(source).asText())) {
                throw new IllegalStateException(source + " changed since the mutants were recorded: run "
                        + "fixtures/pickle/mutants.py again");
            }
            byte[] data = apply(original, m.get("edits"));
            if (!sha256(data).equals(m.get("sha256").asText())) {
                throw new IllegalStateException(m.get("id").asText() + " does not rebuild to the recorded bytes");
            }
            List<String> globals = new ArrayList<>();
            m.get("globals").forEach(g -> globals.add(g.asText()));
            mutants.add(new Mutant(m.get("id").asText(), data, m.get("reached").asBoolean(),
                    m.get("executes").asBoolean(), List.copyOf(globals)));
        }
        return mutants;
    }

    /** The same edits as mutants.py's apply(): each on the result of the previous one. */
    static byte[] apply(byte[] original, JsonNode edits) {
        byte[] out = original.clone();
        for (JsonNode e : edits) {
            int at = e.get("at").asInt();
            switch (e.get("op").asText()) {
                case "flip" -> out[at] ^= (byte) (1 << e.get("bit").asInt());
                case "write" -> {
                    byte[] raw = HexFormat.of().parseHex(e.get("hex").asText());
                    System.arraycopy(raw, 0, out, at, raw.length);
                }
                case "insert" -> {
                    byte[] raw = HexFormat.of().parseHex(e.get("hex").asText());
                    byte[] grown = new byte[out.length + raw.length];
                    System.arraycopy(out, 0, grown, 0, at);
                    System.arraycopy(raw, 0, grown, at, raw.length);
                    System.arraycopy(out, at, grown, at + raw.length, out.length - at);
                    out = grown;
                }
                case "truncate" -> out = java.util.Arrays.copyOf(out, at);
                default -> throw new IllegalArgumentException("unknown edit " + e);
            }
        }
        return out;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
