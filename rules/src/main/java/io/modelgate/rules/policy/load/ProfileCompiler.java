package io.modelgate.rules.policy.load;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.scanner.data.CompactTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Build step: checks each built-in profile against the built-in knowledge base and writes its tree in the
 * compact form shipped data takes ({@link CompactTree}), so a scan reads its policy without setting up a YAML or
 * JSON parser (see {@link Profiles#load}). The YAML stays what {@code policy show} prints and what a user copies.
 */
public final class ProfileCompiler {

    private ProfileCompiler() {
    }

    /** Arguments: the folder holding the YAML profiles, the folder to write the compiled files to. */
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
            Path target = outputDir.resolve(name + Profiles.COMPILED);
            Path temporary = outputDir.resolve(name + Profiles.COMPILED + ".tmp");
            byte[] compiled = CompactTree.write(YamlTree.compact(YamlTree.read(yaml)));
            Files.write(temporary, compiled);
            if (!loader.parse(yaml, name, null).equals(loader.parseCompiled(compiled, name))) {
                throw new IllegalStateException("profile " + name + " reads differently once compiled");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
