package dev.vigil.posture.custom;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.vigil.posture.check.Verdicts;

import java.util.Map;

/** A compiled, type-checked expression of one custom check, evaluated once per resource or account. */
final class CompiledExpression {

    private final String field;
    private final String source;
    private final CelRuntime.Program program;

    CompiledExpression(String field, String source, CelRuntime.Program program) {
        this.field = field;
        this.source = source;
        this.program = program;
    }

    /** The expression's verdict: true/false, or why it produced neither. */
    sealed interface Outcome {
        record Value(boolean value) implements Outcome {
        }

        record Failure(String message) implements Outcome {
        }
    }

    /**
     * Evaluates against the given variables. Never throws: a missing key, a type mismatch, an exhausted iteration
     * budget or a non-bool result (possible when the expression's type is dyn) is a {@link Outcome.Failure}.
     */
    Outcome evaluate(Map<String, ?> variables) {
        Object result;
        try {
            result = program.eval(variables);
        } catch (CelEvaluationException e) {
            return new Outcome.Failure(Verdicts.clip(ExpressionCompiler.evaluationMessage(e)));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome.Failure("the evaluator failed (" + e.getClass().getSimpleName() + ")");
        }
        if (result instanceof Boolean b) {
            return new Outcome.Value(b);
        }
        return new Outcome.Failure("it produced " + CelValues.describe(result) + ", not true or false");
    }

    String field() {
        return field;
    }

    String source() {
        return source;
    }
}
