package io.modelgate.scanner.hf;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for Hugging Face repository files (config and tokenizer JSON, model cards). */
public final class HfRules {

    public static final Rule CUSTOM_CODE = new Rule("MG-HF-001", Severity.MEDIUM, "review",
            "Model requires trust_remote_code",
            "A Hugging Face config file (config.json, tokenizer, processor, preprocessor, feature extractor, image "
                    + "processor, generation config) declares an auto_map or custom_pipelines: loading the model with "
                    + "transformers runs "
                    + "the Python modules it names (trust_remote_code=True). The modules shipped in the folder "
                    + "are scanned as Python; review them before enabling remote code.");
    public static final Rule EXTERNAL_CUSTOM_CODE = new Rule("MG-HF-002", Severity.MEDIUM, "review",
            "Custom code is fetched from another repository",
            "An auto_map entry has the form 'owner/repo--module.Class': transformers downloads that module from "
                    + "another Hub repository at load time. That code is not part of the scanned artifact and "
                    + "can change after the scan; pin or vendor it.");
    public static final Rule MISSING_CUSTOM_CODE = new Rule("MG-HF-003", Severity.MEDIUM, "review",
            "Custom code module not shipped",
            "An auto_map entry names a module that is not in the model folder, so the code that would run was "
                    + "not scanned.");

    public static final List<Rule> ALL = List.of(CUSTOM_CODE, EXTERNAL_CUSTOM_CODE, MISSING_CUSTOM_CODE);

    private HfRules() {
    }
}
