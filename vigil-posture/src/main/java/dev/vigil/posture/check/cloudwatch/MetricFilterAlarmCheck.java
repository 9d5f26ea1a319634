package dev.vigil.posture.check.cloudwatch;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckMetadata;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.List;

/**
 * One CIS monitoring control: in each account, some metric filter on a trail's log group must count the control's
 * events, and an alarm on it must reach a confirmed SNS subscriber. One result per account; the region is the log
 * group's. Which filters "count the events" is decided by {@link PatternFit} on the canonical records.
 */
final class MetricFilterAlarmCheck implements Check {

    private final CheckMetadata metadata;
    private final CanonicalEvents.Control control;

    MetricFilterAlarmCheck(CheckMetadata metadata, CanonicalEvents.Control control) {
        this.metadata = metadata;
        this.control = control;
    }

    @Override
    public CheckMetadata metadata() {
        return metadata;
    }

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(metadata);
        AlarmChain chain = new AlarmChain(estate, control);
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            out.add(switch (chain.follow(account)) {
                case ChainOutcome.Complete c -> v.scope(CheckStatus.PASS, account, c.region(), c.reason());
                case ChainOutcome.Broken b -> v.scope(CheckStatus.FAIL, account, b.region(), b.reason());
                case ChainOutcome.Unknown u -> v.unavailable(account, u.region(), u.exported());
            });
        }
        return out;
    }
}
