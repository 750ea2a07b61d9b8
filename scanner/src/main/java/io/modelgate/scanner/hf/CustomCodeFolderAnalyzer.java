package io.modelgate.scanner.hf;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.util.List;
import java.util.Optional;

/**
 * The modules an auto_map names must be in the folder and must have been analysed as Python: a
 * module that is missing was not scanned, and one that did not read as Python source (binary
 * content under a .py name) cannot be proven harmless.
 */
public final class CustomCodeFolderAnalyzer implements FolderAnalyzer {

    private static final List<HfJsonFile> DECLARING_FILES = List.of(HfJsonFile.CONFIG, HfJsonFile.TOKENIZER_CONFIG);

    @Override
    public void analyze(FolderView folder, FolderContext context) {
        for (HfJsonFile declaring : DECLARING_FILES) {
            Optional<FileResult> config = folder.file(declaring.fileName());
            Object modules = config.map(c -> c.facts().get(declaring.prefix() + ".custom_code_modules")).orElse(null);
            if (!(modules instanceof List<?> list)) {
                continue;
            }
            for (Object module : list) {
                check(folder, context, config.get(), String.valueOf(module));
            }
        }
    }

    /** Modules in subpackages ({@code pkg.module}) live in subfolders, which are checked as folders of their own. */
    private static void check(FolderView folder, FolderContext context, FileResult config, String module) {
        if (module.contains(".")) {
            return;
        }
        String fileName = module + ".py";
        Optional<FileResult> code = folder.file(fileName);
        if (code.isEmpty()) {
            context.report(Finding.of(HfRules.MISSING_CUSTOM_CODE, Location.of(ArtifactPath.of(config.path())), module,
                    "auto_map names " + fileName + ", which is not in the folder: the code that would run was not "
                            + "scanned"));
        } else if (!code.get().format().equals("python")) {
            context.incomplete(code.get().path(), "module named by auto_map was not readable as Python source ("
                    + code.get().format() + ")");
        }
    }
}
