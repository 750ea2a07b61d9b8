package io.modelgate.scanner.template;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.TimeoutExceededException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static analysis of a Jinja chat template: tokenise and parse it with a bounded parser of our own,
 * never render it, and report what would let a rendering process run code. Templates that cannot
 * be parsed or exceed the bounds are marked incomplete and also get a raw scan for payload names,
 * so a broken template never hides one.
 */
public final class ChatTemplateInspector {

    /** Real chat templates are tens of kilobytes; the largest known are well under 1 MiB. */
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_TOKENS = 300_000;
    static final int MAX_EXPRESSION_DEPTH = 100;
    static final int MAX_BLOCK_DEPTH = 256;
    private static final Pattern RAW_PAYLOAD = Pattern.compile(
            "_{1,2}[A-Za-z][A-Za-z0-9_]*__|\\b(?:popen|subprocess|__import__|import_module|check_output)\\b");

    private ChatTemplateInspector() {
    }

    /**
     * Inspects {@code template} and reports through {@code context}.
     *
     * @param where names the template's origin in messages, e.g. {@code tokenizer_config.json chat_template}
     */
    public static TemplateInspection inspect(String template, AnalysisContext context, String where)
            throws TimeoutExceededException {
        context.deadline().check();
        java.util.Optional<String> family = ChatTemplateFamily.identify(template);
        if (template.length() > MAX_CHARS) {
            context.limitReached(where + ": chat template of " + template.length() + " characters exceeds the limit of "
                    + MAX_CHARS);
            return new TemplateInspection(false, rawScan(template, context, where), family);
        }
        List<TemplateIssue> issues;
        try {
            List<TemplateToken> tokens = TemplateLexer.tokenize(template, MAX_TOKENS, MAX_EXPRESSION_DEPTH);
            context.deadline().check();
            issues = TemplateChecker.check(TemplateParser.parse(tokens, MAX_EXPRESSION_DEPTH, MAX_BLOCK_DEPTH), true);
        } catch (TemplateSyntaxException e) {
            context.incomplete(where + ": chat template is not valid Jinja: " + e.getMessage() + " at "
                    + position(template, e.offset()));
            return new TemplateInspection(false, rawScan(template, context, where), family);
        } catch (TemplateLimitException e) {
            context.limitReached(where + ": " + e.getMessage());
            return new TemplateInspection(false, rawScan(template, context, where), family);
        }
        for (TemplateIssue issue : issues) {
            context.report(issue.rule(), issue.subject(),
                    where + ": template " + issue.detail() + " at " + position(template, issue.offset()));
        }
        return new TemplateInspection(true, issues.size(), family);
    }

    /**
     * Inspects a text file recognised as Jinja by its content only. No model loader renders such a file as a
     * chat template, so what Jinja itself would reject is not a gap (a fact, not incomplete), and the
     * objects a web application legitimately hands its own templates are not findings; what would leave
     * the sandbox (internals, dangerous calls, built names) is reported as in a chat template.
     */
    public static void inspectTextFile(String template, AnalysisContext context, String where)
            throws TimeoutExceededException {
        context.deadline().check();
        if (template.length() > MAX_CHARS) {
            context.fact("template.parsed", false);
            return;
        }
        List<TemplateIssue> issues;
        try {
            List<TemplateToken> tokens = TemplateLexer.tokenize(template, MAX_TOKENS, MAX_EXPRESSION_DEPTH);
            context.deadline().check();
            issues = TemplateChecker.check(TemplateParser.parse(tokens, MAX_EXPRESSION_DEPTH, MAX_BLOCK_DEPTH), false);
        } catch (TemplateSyntaxException | TemplateLimitException e) {
            context.fact("template.parsed", false);
            return;
        }
        context.fact("template.parsed", true);
        for (TemplateIssue issue : issues) {
            context.report(issue.rule(), issue.subject(),
                    where + ": template " + issue.detail() + " at " + position(template, issue.offset()));
        }
    }

    /** For templates that could not be parsed: payload names anywhere in the text. */
    private static int rawScan(String template, AnalysisContext context, String where) {
        Matcher m = RAW_PAYLOAD.matcher(template);
        int found = 0;
        while (m.find() && found < 20) {
            String hit = m.group();
            boolean internal = hit.startsWith("_");
            if (internal && !InternalNames.isInternal(hit)) {
                continue;
            }
            context.report(internal ? TemplateRules.PYTHON_INTERNALS : TemplateRules.DANGEROUS_CALL, hit,
                    where + ": unparsable template text contains '" + hit + "' at " + position(template, m.start()));
            found++;
        }
        return found;
    }

    /** "line L, column C" of a character offset (1-based). */
    static String position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(Math.max(offset, 0), text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (end - lineStart + 1);
    }
}
