package io.modelgate.scanner.python;

import io.modelgate.scanner.python.PythonToken.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each imported name refers to: {@code import subprocess as sp} binds {@code sp} to
 * {@code subprocess}, {@code from os import system} binds {@code system} to {@code os.system}.
 * Imports anywhere in the file count (also inside functions and try blocks); a later binding of
 * the same name wins, as it usually would at run time.
 */
final class ImportTable {

    /** One import statement's binding, for reporting risky imports with their line. */
    record Binding(String local, String qualified, int line) {
    }

    private final Map<String, String> aliases = new HashMap<>();
    private final List<Binding> bindings = new ArrayList<>();

    static ImportTable of(List<PythonToken> tokens) {
        ImportTable table = new ImportTable();
        for (int i = 0; i < tokens.size(); i++) {
            if (!statementStart(tokens, i)) {
                continue;
            }
            if (tokens.get(i).isName("import")) {
                table.importNames(tokens, i + 1);
            } else if (tokens.get(i).isName("from")) {
                table.fromImport(tokens, i + 1);
            }
        }
        return table;
    }

    private static boolean statementStart(List<PythonToken> tokens, int i) {
        if (i == 0) {
            return true;
        }
        PythonToken prev = tokens.get(i - 1);
        return prev.type() == Type.NEWLINE || prev.isOp(";") || prev.isOp(":");
    }

    /** {@code import a.b as c, d}. */
    private void importNames(List<PythonToken> tokens, int i) {
        while (i < tokens.size()) {
            StringBuilder dotted = new StringBuilder();
            i = dottedName(tokens, i, dotted);
            if (dotted.length() == 0) {
                return;
            }
            String module = dotted.toString();
            int line = tokens.get(i - 1).line();
            if (tokens.get(i).isName("as") && tokens.get(i + 1).type() == Type.NAME) {
                bind(tokens.get(i + 1).text(), module, line);
                i += 2;
            } else {
                String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                aliases.put(top, top);
                bindings.add(new Binding(top, module, line));
            }
            if (!tokens.get(i).isOp(",")) {
                return;
            }
            i++;
        }
    }

    /** {@code from a.b import c as d, e} and {@code from a import (c, d)}; relative modules keep their dots. */
    private void fromImport(List<PythonToken> tokens, int i) {
        StringBuilder module = new StringBuilder();
        while (tokens.get(i).isOp(".") || tokens.get(i).isOp("...")) {
            module.append(tokens.get(i++).text());
        }
        i = dottedName(tokens, i, module);
        if (!tokens.get(i).isName("import")) {
            return;
        }
        i++;
        boolean parenthesised = tokens.get(i).isOp("(");
        if (parenthesised) {
            i++;
        }
        while (i < tokens.size()) {
            PythonToken t = tokens.get(i);
            if (t.isOp("*")) {
                bindings.add(new Binding("*", module + ".*", t.line()));
                return;
            }
            if (t.type() != Type.NAME) {
                return;
            }
            String qualified = module + "." + t.text();
            if (tokens.get(i + 1).isName("as") && tokens.get(i + 2).type() == Type.NAME) {
                bind(tokens.get(i + 2).text(), qualified, t.line());
                i += 3;
            } else {
                bind(t.text(), qualified, t.line());
                i++;
            }
            if (!tokens.get(i).isOp(",")) {
                return;
            }
            i++;
            while (tokens.get(i).type() == Type.NEWLINE && parenthesised) {
                i++;
            }
        }
    }

    private static int dottedName(List<PythonToken> tokens, int i, StringBuilder out) {
        while (i < tokens.size() && tokens.get(i).type() == Type.NAME) {
            out.append(tokens.get(i).text());
            if (!tokens.get(i + 1).isOp(".")) {
                return i + 1;
            }
            out.append('.');
            i += 2;
        }
        return i;
    }

    private void bind(String local, String qualified, int line) {
        aliases.put(local, qualified);
        bindings.add(new Binding(local, qualified, line));
    }

    /** The qualified name a local name stands for, or null when it was not imported. */
    String resolve(String local) {
        return aliases.get(local);
    }

    List<Binding> bindings() {
        return bindings;
    }
}
