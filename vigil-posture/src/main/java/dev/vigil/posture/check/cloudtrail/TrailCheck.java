package dev.vigil.posture.check.cloudtrail;

import dev.vigil.posture.check.Check;
import dev.vigil.posture.check.CheckResult;
import dev.vigil.posture.check.CheckStatus;
import dev.vigil.posture.check.Estate;
import dev.vigil.posture.check.Verdicts;

import java.util.ArrayList;
import java.util.List;

/**
 * A check judged once per distinct trail. Accounts that own no trail get one NOT_APPLICABLE (coverage is
 * cloudtrail.multi_region_trail's job), and accounts whose trails cannot be listed get one ERROR naming the export.
 */
abstract class TrailCheck implements Check {

    static final String TRAIL = "AWS::CloudTrail::Trail";

    /** The verdict on one trail. */
    abstract CheckResult judge(Trail trail, Estate estate, Trails trails);

    @Override
    public List<CheckResult> evaluate(Estate estate) {
        Verdicts v = new Verdicts(metadata());
        Trails trails = Trails.of(estate);
        List<CheckResult> out = new ArrayList<>();
        for (String account : estate.accounts()) {
            if (!trails.ownedBy(account).isEmpty()) {
                continue;
            }
            switch (trails.visibleTo(account)) {
                case Trails.Visible.Unavailable u -> out.add(v.unavailable(account, "", u.exported()));
                case Trails.Visible.Listed l -> out.add(v.scope(CheckStatus.NOT_APPLICABLE, account, "",
                        "The account owns no trail" + (l.trails().isEmpty() ? "" : " (it only sees trails of other accounts)")
                                + "; whether it is logged at all is judged by cloudtrail.multi_region_trail."));
            }
        }
        for (Trail trail : trails.all()) {
            out.add(judge(trail, estate, trails));
        }
        return out;
    }

    /** A verdict naming the trail by ARN in its owner account and home region. */
    CheckResult result(CheckStatus status, Trail trail, String reason) {
        return new Verdicts(metadata()).named(status, trail.owner(), trail.homeRegion(), TRAIL, trail.arn(), reason);
    }
}
