package io.modelgate.scanner.python;

import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.model.Rule;
import io.modelgate.scanner.python.PythonToken.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds dangerous behaviour in Python source from its tokens: every dotted reference is resolved
 * through the file's imports ({@code sp.run} is {@code subprocess.run} after
 * {@code import subprocess as sp}; {@code __import__('os').system} and {@code getattr(os, 'system')}
 * resolve too) and matched against the call tables; arguments decide the cases that depend on them
 * (constant or built code, paths, environment keys). Names that were never imported are the
 * file's own objects and are not matched, so {@code self.system(...)} is not {@code os.system}.
 */
final class PythonChecker {

    static final int MAX_TOKENS = 2_000_000;
    private static final int MAX_NESTED_SOURCE = 2;

    private final List<PythonToken> tokens;
    private final ImportTable imports;
    private final boolean torchScript;
    private final int lineOffset;
    private final int nesting;
    private final List<PythonIssue> issues;

    private PythonChecker(List<PythonToken> tokens, boolean torchScript, int lineOffset, int nesting,
                          List<PythonIssue> issues) {
        this.tokens = tokens;
        this.imports = ImportTable.of(tokens);
        this.torchScript = torchScript;
        this.lineOffset = lineOffset;
        this.nesting = nesting;
        this.issues = issues;
    }

    /**
     * @param torchScript the source is TorchScript code from a {@code torch.jit} archive, where bare
     *                    {@code ops.<namespace>} calls operators
     */
    static List<PythonIssue> check(String source, boolean torchScript) throws PythonSyntaxException,
            LimitExceededException {
        List<PythonIssue> issues = new ArrayList<>();
        check(source, torchScript, 0, 0, issues);
        return issues;
    }

    private static void check(String source, boolean torchScript, int lineOffset, int nesting,
                              List<PythonIssue> issues) throws PythonSyntaxException, LimitExceededException {
        List<PythonToken> tokens = PythonTokenizer.tokenize(source, MAX_TOKENS);
        new PythonChecker(tokens, torchScript, lineOffset, nesting, issues).run();
    }

    private void run() throws LimitExceededException {
        riskyImports();
        for (int i = 0; i < tokens.size(); i++) {
            PythonToken t = tokens.get(i);
            if (t.type() == Type.STRING) {
                credentialPath(t);
            } else if (t.type() == Type.NAME && startsReference(i)) {
                reference(i);
            }
        }
    }

    private void riskyImports() {
        for (ImportTable.Binding b : imports.bindings()) {
            String module = b.qualified().endsWith(".*") ? b.qualified().substring(0, b.qualified().length() - 2)
                    : b.qualified();
            if (CallTables.RISKY_MODULES.contains(module) || CallTables.dangerousCall(module).isPresent()
                    && !module.equals("torch.ops")) {
                add(PythonRules.RISKY_IMPORT, module, b.line(), "imports " + module);
            }
        }
    }

    /** A name that starts a dotted reference: not an attribute, not being defined, not an import line. */
    private boolean startsReference(int i) {
        if (i == 0) {
            return true;
        }
        PythonToken prev = tokens.get(i - 1);
        return !prev.isOp(".") && !prev.isName("def") && !prev.isName("class") && !prev.isName("import")
                && !prev.isName("from") && !prev.isName("as");
    }

    private void reference(int start) throws LimitExceededException {
        Reference ref = Reference.read(tokens, start, imports, torchScript);
        if (ref == null) {
            return;
        }
        String name = ref.qualified();
        int line = tokens.get(start).line();
        torchOps(name, line);
        if (name.startsWith("os.environ")) {
            environment(ref, name, line);
        } else if (name.equals("os.getenv") && ref.isCall()) {
            ref.constantArgument(0).ifPresent(key -> environmentKey(key, line));
        }
        if (!ref.isCall()) {
            return;
        }
        Optional<Rule> dangerous = CallTables.dangerousCall(name);
        if (dangerous.isPresent()) {
            add(dangerous.get(), name, line, "calls " + name + "(...)");
        } else if (CallTables.CODE_RUNNERS.contains(name)) {
            codeRunner(ref, name, line);
        } else if (CallTables.IMPORTERS.contains(name)) {
            if (ref.constantArgument(0).isEmpty()) {
                add(PythonRules.DYNAMIC_CODE, name, line, "imports a module named at run time with " + name);
            }
        } else if (CallTables.PICKLE_LOADS.contains(name)) {
            boolean downloaded = ref.argumentsCall(tokens, imports, n -> CallTables.dangerousCall(n)
                    .filter(PythonRules.NETWORK::equals).isPresent());
            add(downloaded ? PythonRules.UNPICKLES_DOWNLOAD : PythonRules.UNPICKLES, name, line,
                    (downloaded ? "unpickles data fetched from the network with " : "unpickles data with ") + name);
        } else if (CallTables.FILE_OPENERS.contains(name)) {
            if (ref.hasOutsidePath(0) && ref.opensForWriting(name)) {
                add(PythonRules.WRITES_OUTSIDE, name, line, "opens a path outside the model for writing");
            }
        } else if (CallTables.FILE_CHANGERS.contains(name) && ref.hasOutsidePath(-1)) {
            add(PythonRules.WRITES_OUTSIDE, name, line, "changes a path outside the model with " + name);
        }
    }

    /** eval/exec/compile: constant code is checked as Python; built or decoded code is a finding. */
    private void codeRunner(Reference ref, String name, int line) throws LimitExceededException {
        if (ref.argumentsCall(tokens, imports, n -> CallTables.matchesAny(n, CallTables.DECODERS))
                || ref.argumentsContainString(s -> s.equalsIgnoreCase("rot13") || s.equalsIgnoreCase("rot_13"))) {
            add(PythonRules.ENCODED_CODE, name, line, "runs decoded data as code with " + name);
            return;
        }
        Optional<String> code = ref.constantArgument(0);
        if (code.isEmpty()) {
            add(PythonRules.DYNAMIC_CODE, name, line, "runs code built at run time with " + name);
            return;
        }
        if (nesting >= MAX_NESTED_SOURCE) {
            add(PythonRules.DYNAMIC_CODE, name, line, "runs nested constant code with " + name);
            return;
        }
        try {
            check(code.get(), torchScript, lineOffset + line - 1, nesting + 1, issues);
        } catch (PythonSyntaxException e) {
            add(PythonRules.DYNAMIC_CODE, name, line, "runs a constant that is not plain Python with " + name);
        }
    }

    private void environment(Reference ref, String name, int line) {
        String member = name.equals("os.environ") ? null : name.substring("os.environ.".length());
        if (member == null && ref.subscriptKey().isPresent()) {
            if (!ref.isAssignedTo()) {
                environmentKey(ref.subscriptKey().get(), line);
            }
        } else if (member == null) {
            if (ref.passedWhole()) {
                add(PythonRules.ENVIRONMENT_DUMP, "os.environ", line, "reads the whole environment");
            }
        } else if (ref.isCall() && List.of("get", "setdefault", "pop").contains(member)) {
            ref.constantArgument(0).ifPresent(key -> environmentKey(key, line));
        } else if (List.of("copy", "items", "keys", "values").contains(member)) {
            add(PythonRules.ENVIRONMENT_DUMP, "os.environ", line, "reads the whole environment");
        }
    }

    /** Reading a named variable is configuration, unless the name marks a secret. */
    private void environmentKey(String key, int line) {
        if (CallTables.isSecretName(key)) {
            add(PythonRules.CREDENTIALS, key, line, "reads the secret environment variable " + key);
        }
    }

    private void credentialPath(PythonToken t) {
        if (t.text().length() <= 4096 && CallTables.CREDENTIAL_PATH.matcher(t.text()).find()) {
            String shown = t.text().length() > 80 ? t.text().substring(0, 80) + "..." : t.text();
            add(PythonRules.CREDENTIALS, shown, t.line(), "names the credential location '" + shown + "'");
        }
    }

    private void torchOps(String name, int line) {
        String[] parts = name.split("\\.");
        int ns = name.startsWith("torch.ops.") ? 2 : torchScript && name.startsWith("ops.") ? 1 : -1;
        if (ns < 0 || parts.length <= ns + 1 || parts[ns].equals("load_library")) {
            return;
        }
        if (!CallTables.TORCH_OP_NAMESPACES.contains(parts[ns])) {
            add(PythonRules.CUSTOM_TORCH_OP, "torch.ops." + parts[ns], line,
                    "calls the custom operator " + String.join(".", java.util.Arrays.copyOfRange(parts, ns, parts.length)));
        }
    }

    private void add(Rule rule, String subject, int line, String detail) {
        issues.add(new PythonIssue(rule, subject, line + lineOffset, detail));
    }
}
