package io.modelgate.scanner.template;

import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.model.Severity;

import java.util.List;

/** Rules for Jinja chat templates (GGUF metadata, tokenizer_config.json, chat_template.json, *.jinja). */
public final class TemplateRules {

    public static final Rule PYTHON_INTERNALS = new Rule("MG-TPL-001", Severity.CRITICAL, "code-execution",
            "Chat template reaches Python internals",
            "The template accesses a dunder or private attribute (__class__, __globals__, __subclasses__, "
                    + "__builtins__, __init__, ...) through '.attr', a subscript, the attr filter, a filter's "
                    + "attribute argument or a str.format field. This is the server-side template injection "
                    + "pattern: rendering the template with Jinja (llama.cpp, transformers, vLLM, Ollama "
                    + "front ends) escapes to arbitrary Python and runs code. No chat template needs it.");
    public static final Rule DANGEROUS_CALL = new Rule("MG-TPL-002", Severity.CRITICAL, "code-execution",
            "Chat template calls a process, file or import function",
            "The template names or calls popen, system, eval, exec, __import__, open, read, getattr, os, "
                    + "subprocess or similar. Chat templates only format messages; these names only make sense "
                    + "as part of an injection payload.");
    public static final Rule BUILT_ATTRIBUTE_NAME = new Rule("MG-TPL-003", Severity.HIGH, "code-execution",
            "Chat template builds an attribute name at render time",
            "An attribute is looked up with a name that is not a constant (the attr filter with a variable, or "
                    + "a subscript whose key is built by concatenation, join, format, replace, reverse or "
                    + "character tricks). Obfuscated attribute names hide injection payloads from reviewers and "
                    + "from string matching.");
    public static final Rule GLOBALS_OBJECT = new Rule("MG-TPL-004", Severity.HIGH, "code-execution",
            "Chat template inspects a global helper object",
            "The template reads attributes of a Jinja global helper (cycler, joiner, lipsum, namespace, range, "
                    + "dict, raise_exception, strftime_now) itself, or references web-framework objects (self, "
                    + "config, request, url_for, get_flashed_messages). Those objects lead to the Python globals "
                    + "of the rendering process; normal templates only call them.");
    public static final Rule INTERNAL_NAME_STRING = new Rule("MG-TPL-005", Severity.HIGH, "code-execution",
            "Chat template contains a Python internal name as a string",
            "A string constant in the template (or one it builds from pieces) spells a Python internal name "
                    + "such as '__class__' or '__globals__'. It is kept for later use as an attribute name, a "
                    + "common way to split an injection payload across statements.");
    public static final Rule PRIVATE_ATTRIBUTE = new Rule("MG-TPL-006", Severity.HIGH, "code-execution",
            "Chat template accesses a private attribute",
            "The template reads an attribute whose name starts with '_'. Jinja's sandbox refuses these; they "
                    + "are how templates reach interpreter internals.");

    public static final List<Rule> ALL = List.of(PYTHON_INTERNALS, DANGEROUS_CALL, BUILT_ATTRIBUTE_NAME, GLOBALS_OBJECT,
            INTERNAL_NAME_STRING, PRIVATE_ATTRIBUTE);

    private TemplateRules() {
    }
}
