package io.modelgate.rules.policy.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Build step: checks each built-in profile against the built-in knowledge base and writes its tree as JSON next
 * to the YAML, so a scan reads its policy without setting up a YAML parser (see {@link Profiles#load}). The
 * YAML stays what {@code policy show} prints and what a user copies.
 */
public final class ProfileCompiler {

    private ProfileCompiler() {
    }

    /** Arguments: the folder holding the YAML profiles, the folder to write the JSON files to. */
    public static void main(String[] args) throws IOException, PolicyException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ProfileCompiler SOURCE_DIR OUTPUT_DIR");
        }
        compile(Path.of(args[0]), Path.of(args[1]));
    }

    static void compile(Path sourceDir, Path outputDir) throws IOException, PolicyException {
        PolicyLoader loader = new PolicyLoader(KnowledgeBaseLoader.builtIn());
        Files.createDirectories(outputDir);
        for (String name : Profiles.names()) {
            String yaml = Files.readString(sourceDir.resolve(name + ".yaml"));
            Path target = outputDir.resolve(name + ".json");
            Path temporary = outputDir.resolve(name + ".json.tmp");
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                 JsonGenerator json = new JsonFactory().createGenerator(out)) {
                YamlTree.writeJson(YamlTree.read(yaml), json);
            }
            if (!loader.parse(yaml, name, null).equals(loader.parseCompiled(Files.readString(temporary), name))) {
                throw new IllegalStateException("profile " + name + " reads differently once compiled");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
