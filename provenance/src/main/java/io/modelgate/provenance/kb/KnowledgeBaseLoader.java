package io.modelgate.provenance.kb;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads the built-in knowledge base from the classpath and merges user files over it. In a user file an
 * entry with a new id is added; one with a known id replaces the built-in entry, or adds to it when it says
 * {@code extend: true}.
 */
public final class KnowledgeBaseLoader {

    /**
     * Built-in data files, in load order: written as {@code NAME.yaml}, shipped as {@code NAME.tree}, the compact
     * tree form (see {@link KnowledgeBaseCompiler}).
     */
    static final List<String> BUILT_IN = List.of("licenses", "families");
    static final String COMPILED = ".tree";

    private static final long MAX_USER_FILE_BYTES = 4L * 1024 * 1024;

    private static final int MAX_NESTING = 64;

    /**
     * Data binding for user files (YAML), and the reference {@link CompiledKbReader} must equal on the compiled
     * built-in files (tests).
     */
    static ObjectMapper yamlMapper() {
        return JsonMapper.builder(YAMLFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                        .build())
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** Loaded on first use (class initialisation is thread-safe and happens once). */
    private static final class BuiltIn {
        static final KnowledgeBase KB = new KnowledgeBaseLoader().loadBuiltIn();
    }

    /** The knowledge base shipped with ModelGate. */
    public static KnowledgeBase builtIn() {
        return BuiltIn.KB;
    }

    /** The built-in knowledge base with the given user files merged over it, in order. */
    public static KnowledgeBase withUserFiles(List<Path> files) throws IOException {
        KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
        List<KbDocument> documents = new ArrayList<>(loader.builtInDocuments());
        for (Path file : files) {
            documents.add(loader.readUserFile(file));
        }
        return merge(documents, !files.isEmpty());
    }

    private KnowledgeBase loadBuiltIn() {
        return merge(builtInDocuments(), false);
    }

    private List<KbDocument> builtInDocuments() {
        List<KbDocument> documents = new ArrayList<>();
        for (String name : BUILT_IN) {
            try (InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(name + COMPILED)) {
                if (in == null) {
                    throw new IllegalStateException("knowledge base file missing from the build: " + name);
                }
                documents.add(CompiledKbReader.read(in));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("built-in knowledge base file " + name + " is invalid: "
                        + e.getMessage(), e);
            }
        }
        return documents;
    }

    private KbDocument readUserFile(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_USER_FILE_BYTES) {
            throw new IOException("knowledge base file " + file + " is larger than " + MAX_USER_FILE_BYTES + " bytes");
        }
        try {
            KbDocument document = yamlMapper().readValue(Files.readAllBytes(file), KbDocument.class);
            validate(document);
            return document;
        } catch (IOException | RuntimeException e) {
            throw new IOException("knowledge base file " + file + " is invalid: " + firstLine(e.getMessage()), e);
        }
    }

    /** Checks what deserialisation does not: every name pattern compiles. */
    static void validate(KbDocument document) {
        for (FamilyDef family : document.families()) {
            family.namePatterns().forEach(Pattern::compile);
            family.generations().forEach(g -> g.namePatterns().forEach(Pattern::compile));
        }
    }

    private static KnowledgeBase merge(List<KbDocument> documents, boolean user) {
        Map<String, FamilyDef> families = new LinkedHashMap<>();
        Map<String, LicenseDef> licenses = new LinkedHashMap<>();
        String version = null;
        for (KbDocument document : documents) {
            if (version == null) {
                version = document.kbVersion();
            }
            for (FamilyDef family : document.families()) {
                FamilyDef known = families.get(family.id());
                families.put(family.id(), family.extend() && known != null ? known.extendedBy(family) : family);
            }
            document.licenses().forEach(license -> licenses.put(license.id(), license));
        }
        String shown = (version == null ? "unversioned" : version) + (user ? "+user" : "");
        return new KnowledgeBase(shown, families.values(), licenses.values());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
