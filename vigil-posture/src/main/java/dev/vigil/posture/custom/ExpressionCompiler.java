package dev.vigil.posture.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles custom checks' CEL expressions against the variables of their {@link Scope} and rejects, at load time,
 * anything that cannot yield true or false. One instance is shared by every check of a load.
 *
 * <p>Cost is bounded by CEL's design (no loops, no recursion) plus the options set here: expression length, and a
 * total iteration budget across all comprehensions ({@code all}, {@code exists}, {@code map}, {@code filter}) of one
 * evaluation, so nested comprehensions over large attacker-controlled lists stop with an ERROR, not a hang. Regular
 * expressions run on RE2/J (linear time).
 */
final class ExpressionCompiler {

    static final int MAX_EXPRESSION_CHARS = 4_000;
    static final int MAX_ITERATIONS = 20_000;

    private static final CelOptions OPTIONS = CelOptions.current()
            .maxExpressionCodePointSize(MAX_EXPRESSION_CHARS)
            .comprehensionMaxIterations(MAX_ITERATIONS)
            .enableHeterogeneousNumericComparisons(true)    // JSON numbers: 1 == 1.0, 3 > 2.5
            .build();

    private static final CelType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final Pattern EVALUATION_ERROR = Pattern.compile("(?s)evaluation error at <input>:(\\d+): (.*)");

    private final CelCompiler resourceCompiler = compiler(Scope.RESOURCE);
    private final CelCompiler accountCompiler = compiler(Scope.ACCOUNT);
    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .addLibraries(CelExtensions.strings())
            .build();

    /** A compiled expression, or every problem found compiling it. */
    sealed interface Result {
        record Compiled(CompiledExpression expression) implements Result {
        }

        record Failed(List<String> problems) implements Result {
        }
    }

    Result compile(CheckDefinition.Expression expression, Scope scope) {
        CelCompiler compiler = scope == Scope.ACCOUNT ? accountCompiler : resourceCompiler;
        CelValidationResult result;
        try {
            result = compiler.compile(expression.source());
        } catch (RuntimeException e) {
            return new Result.Failed(List.of("'" + expression.field() + "' could not be compiled ("
                    + Verdicts.clip(e.getMessage()) + ")"));
        }
        if (result.hasError()) {
            List<String> problems = new ArrayList<>();
            for (CelIssue issue : result.getErrors()) {
                problems.add(describe(expression, issue, scope));
            }
            return new Result.Failed(problems);
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelType type = ast.getResultType();
            if (type.kind() != CelKind.BOOL && type.kind() != CelKind.DYN) {
                return new Result.Failed(List.of("'" + expression.field() + "' must be true or false, but its type "
                        + "is " + type.name() + "; compare the value, e.g. resource.configuration.status == \"ON\""));
            }
            return new Result.Compiled(new CompiledExpression(expression.field(), expression.source(),
                    runtime.createProgram(ast)));
        } catch (Exception e) {
            return new Result.Failed(List.of("'" + expression.field() + "' could not be prepared ("
                    + Verdicts.clip(e.getMessage()) + ")"));
        }
    }

    /** One compile issue with its position inside the expression (CEL columns are 0-based; people count from 1). */
    private static String describe(CheckDefinition.Expression expression, CelIssue issue, Scope scope) {
        var at = issue.getSourceLocation();
        String where = at.getLine() > 1
                ? " at line " + at.getLine() + ", column " + (at.getColumn() + 1) + " of the expression"
                : at.getColumn() >= 0 ? " at column " + (at.getColumn() + 1) + " of the expression" : "";
        String message = issue.getMessage();
        String hint = "";
        if (message.contains("undeclared reference to '" + otherSubject(scope) + "'")) {
            hint = scope == Scope.ACCOUNT
                    ? "; checks with resource-type AWS::::Account see 'account', not 'resource'"
                    : "; 'account' is only for checks with resource-type AWS::::Account, use 'resource'";
        } else if (message.contains("undeclared reference")) {
            hint = "; the variables are " + scope.subjectVariable() + ", policy and now";
        }
        return "'" + expression.field() + "' does not compile" + where + ": " + Verdicts.clip(message) + hint;
    }

    private static String otherSubject(Scope scope) {
        return scope == Scope.ACCOUNT ? Scope.RESOURCE.subjectVariable() : Scope.ACCOUNT.subjectVariable();
    }

    private static CelCompiler compiler(Scope scope) {
        return CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addLibraries(CelExtensions.strings())
                .addVar(scope.subjectVariable(), OBJECT)
                .addVar("policy", OBJECT)
                .addVar("now", SimpleType.TIMESTAMP)
                .build();
    }

    /** Turns CEL's "evaluation error at &lt;input&gt;:22: msg" into "msg (at character 22)". */
    static String evaluationMessage(CelEvaluationException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = EVALUATION_ERROR.matcher(message);
        return m.matches() ? m.group(2).strip() + " (at character " + (Integer.parseInt(m.group(1)) + 1) + ")" : message;
    }
}
