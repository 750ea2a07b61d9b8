package io.modelgate.scanner.hf;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules an auto_map (or custom_pipelines) of any config file names must be in the folder and must have been analysed as Python: a
 * module that is missing was not scanned, and one that did not read as Python source (binary
 * content under a .py name) cannot be proven harmless.
 */
public final class CustomCodeFolderAnalyzer implements FolderAnalyzer {

    /** The fact every JSON config with an auto_map or custom_pipelines records (prefixed by its file kind). */
    private static final String MODULES_FACT = ".custom_code_modules";

    @Override
    public void analyze(FolderView folder, FolderContext context) {
        for (FileResult config : folder.files()) {
            for (Map.Entry<String, Object> fact : config.facts().entrySet()) {
                // top-level facts only: a member of an archive declares modules of that archive, not of this folder
                if (!fact.getKey().endsWith(MODULES_FACT) || fact.getKey().contains("#")
                        || !(fact.getValue() instanceof List<?> list)) {
                    continue;
                }
                for (Object module : list) {
                    check(folder, context, config, String.valueOf(module));
                }
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
