package dev.vigil.posture.custom;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Verdicts;
import dev.vigil.posture.inventory.Resource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A check a user wrote in a custom check file (see docs/posture-custom-checks.md), loaded by
 * {@link CustomCheckLoader}. Judges every live inventory resource of its type, or every account for
 * {@code AWS::::Account}: {@code applies-if} false → NOT_APPLICABLE, {@code assert} true → PASS, false → FAIL, and an
 * expression that cannot be evaluated on the data (missing key, wrong type, over budget) → ERROR with CEL's message.
 * Never throws on odd data.
 */
public final class CustomCheck implements Check {

    private final CheckMetadata metadata;
    private final Scope scope;
    private final Optional<CompiledExpression> appliesIf;
    private final CompiledExpression assertion;
    private final String passReason;
    private final String failReason;
    private final String origin;

    CustomCheck(CheckMetadata metadata, Optional<CompiledExpression> appliesIf, CompiledExpression assertion,
                String passReason, String failReason, String origin) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.scope = Scope.of(metadata.resourceType());
        this.appliesIf = Objects.requireNonNull(appliesIf, "appliesIf");
        this.assertion = Objects.requireNonNull(assertion, "assertion");
        this.passReason = passReason.isBlank() ? "Meets the custom check: " + sentence(metadata.title()) : passReason;
        this.failReason = failReason.isBlank() ? "Does not meet the custom check: " + sentence(metadata.title())
                : failReason;
        this.origin = origin;
    }

    @Override
    public CheckMetadata metadata() {
        return metadata;
    }

    /** Where the check was defined, {@code FILE:LINE}, for reports and "which file is this from?" questions. */
    public String origin() {
        return origin;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts verdicts = new Verdicts(metadata);
        Map<String, Object> shared = new HashMap<>();
        shared.put("policy", CelVariables.policy(estate.policy()));
        shared.put("now", estate.now());
        List<CheckResult> out = new ArrayList<>();
        Map<String, Map<String, Long>> counts = scope == Scope.ACCOUNT ? CelVariables.resourceCounts(estate) : Map.of();
        for (String account : estate.accounts()) {
            if (scope == Scope.ACCOUNT) {
                Map<String, Object> subject = CelVariables.account(account, estate,
                        counts.getOrDefault(account, Map.of()));
                Verdict v = judge(with(shared, "account", subject));
                out.add(verdicts.scope(v.status(), account, "", v.reason()));
            } else {
                judgeResources(estate, account, shared, verdicts, out);
            }
        }
        return out;
    }

    private void judgeResources(Estate estate, String account, Map<String, Object> shared, Verdicts verdicts,
                                List<CheckResult> out) {
        List<Resource> resources = estate.inventory().ofType(metadata.resourceType(), account).toList();
        if (resources.isEmpty()) {
            out.add(estate.inventory().accounts().contains(account)
                    ? verdicts.scope(CheckStatus.NOT_APPLICABLE, account, "", "Nothing to judge: the inventory has no "
                    + metadata.resourceType() + " in this account.")
                    : verdicts.scope(CheckStatus.ERROR, account, "", "Not judged: there is no AWS Config inventory "
                    + "for this account; add its Config snapshot or history files to the inputs."));
            return;
        }
        for (Resource resource : resources) {
            Map<String, Object> variables;
            try {
                variables = with(shared, "resource", CelVariables.resource(resource));
            } catch (CelValues.TooLargeException e) {
                out.add(verdicts.error(resource, "Not judged: this resource's configuration is too large for "
                        + "custom checks (" + e.getMessage() + ")."));
                continue;
            }
            Verdict v = judge(variables);
            out.add(verdicts.of(v.status(), resource, v.reason()));
        }
    }

    private record Verdict(CheckStatus status, String reason) {
    }

    private Verdict judge(Map<String, Object> variables) {
        if (appliesIf.isPresent()) {
            switch (appliesIf.get().evaluate(variables)) {
                case CompiledExpression.Outcome.Failure f -> {
                    return notJudged(appliesIf.get(), f);
                }
                case CompiledExpression.Outcome.Value v when !v.value() -> {
                    return new Verdict(CheckStatus.NOT_APPLICABLE, "Not applicable: 'applies-if' is false for this "
                            + subject() + ".");
                }
                case CompiledExpression.Outcome.Value v -> {
                    // applies: go on to the assertion
                }
            }
        }
        return switch (assertion.evaluate(variables)) {
            case CompiledExpression.Outcome.Failure f -> notJudged(assertion, f);
            case CompiledExpression.Outcome.Value v -> v.value()
                    ? new Verdict(CheckStatus.PASS, passReason)
                    : new Verdict(CheckStatus.FAIL, failReason);
        };
    }

    private Verdict notJudged(CompiledExpression expression, CompiledExpression.Outcome.Failure failure) {
        return new Verdict(CheckStatus.ERROR, "Not judged: '" + expression.field() + "' could not be evaluated on "
                + "this " + subject() + " (" + failure.message() + "); " + (scope == Scope.ACCOUNT
                ? "test a key before reading it, e.g. 'AWS::S3::Bucket' in account.resource_counts."
                : "test optional fields with has(), e.g. has(resource.configuration.x)."));
    }

    private String subject() {
        return scope == Scope.ACCOUNT ? "account" : "resource";
    }

    private static Map<String, Object> with(Map<String, Object> shared, String name, Object value) {
        Map<String, Object> out = new HashMap<>(shared);
        out.put(name, value);
        return out;
    }

    private static String sentence(String title) {
        return title.endsWith(".") ? title : title + ".";
    }

    @Override
    public String toString() {
        return metadata.id() + " (" + origin + ")";
    }
}
