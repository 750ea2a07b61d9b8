package io.modelgate.scanner.template;

import java.util.List;
import java.util.Optional;

/**
 * Names the chat format a template produces from its marker strings, in the order llama.cpp's
 * template detector tests them. A hint for provenance (the format travels with the tokenizer), never
 * a verdict on safety.
 */
public final class ChatTemplateFamily {

    private record Marker(String family, List<String> all) {
        boolean matches(String template) {
            return all.stream().allMatch(template::contains);
        }
    }

    private static final List<Marker> MARKERS = List.of(
            new Marker("phi-4", List.of("<|im_start|>", "<|im_sep|>")),
            new Marker("smolvlm", List.of("<|im_start|>", "<end_of_utterance>")),
            new Marker("chatml", List.of("<|im_start|>")),
            new Marker("mistral-v7", List.of("[INST]", "[SYSTEM_PROMPT]")),
            new Marker("mistral-v3", List.of("[INST]", "[AVAILABLE_TOOLS]")),
            new Marker("llama-2", List.of("[INST]", "<<SYS>>")),
            new Marker("mistral", List.of("[INST]")),
            new Marker("phi-3", List.of("<|assistant|>", "<|end|>")),
            new Marker("glm-4", List.of("[gMASK]<sop>")),
            new Marker("falcon-3", List.of("<|assistant|>", "<|user|>", "</s>")),
            new Marker("glm-edge", List.of("<|assistant|>", "<|user|>")),
            new Marker("gemma", List.of("<start_of_turn>")),
            new Marker("deepseek-coder", List.of("### Instruction:", "<|EOT|>")),
            new Marker("command-r", List.of("<|START_OF_TURN_TOKEN|>", "<|USER_TOKEN|>")),
            new Marker("llama-3", List.of("<|start_header_id|>", "<|end_header_id|>")),
            new Marker("chatglm-3", List.of("[gMASK]sop")),
            new Marker("deepseek-v3", List.of("<\uff5cAssistant\uff5c>", "<\uff5cUser\uff5c>")),
            new Marker("granite", List.of("<|start_of_role|>")),
            new Marker("llama-4", List.of("<|header_start|>", "<|header_end|>")),
            new Marker("gpt-oss", List.of("<|start|>", "<|channel|>")),
            new Marker("kimi-k2", List.of("<|im_assistant|>")),
            new Marker("seed-oss", List.of("<seed:bos>")));

    private ChatTemplateFamily() {
    }

    public static Optional<String> identify(String template) {
        return MARKERS.stream().filter(m -> m.matches(template)).map(Marker::family).findFirst();
    }
}
