package dev.vigil.engine.baseline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides, for one principal with its merged profile, which calls are anomalies.
 *
 * <p>Candidates are the first call of each value first seen after the learning period and the first call of each
 * minute above its learned volume; all are facts of the merged profile, so the decision is the same however the
 * input was split. A candidate is an anomaly when it is in a volume spike; or when it calls an API new to the
 * principal from a network new to it; or when it changes two parts of its context at once: network, user-agent
 * family, region, the last two counting only when new to the whole account as well (by default). A new API with
 * only a new tool or only a new region is not enough: someone picking up the CLI, or working in a second region,
 * is the commonest benign case, and a stolen credential is nearly always used from a new network. A new
 * API from the usual context is ordinary work and is reported only when {@link AnomalyScoring#reportNewApiAlone()}
 * asks for it; a new hour of the week, or an API new to the account, only adds to the score
 * ({@link AnomalyScore}).
 */
final class AnomalyJudge {

    static final String NEW_HOUR = "new-hour-of-week";

    private final BaselineSettings settings;
    private final ApiTactics tactics;

    AnomalyJudge(BaselineSettings settings, ApiTactics tactics) {
        this.settings = settings;
        this.tactics = tactics;
    }

    /** The profile's anomalies, in call order. */
    List<Anomaly> judge(Profile principal, Profiles accounts) {
        long learningEnd = VolumeBaseline.saturatedAdd(principal.first, settings.learningPeriod());
        long learningEndMinute = VolumeBaseline.learningEndMinute(principal.first, settings.learningPeriod());
        VolumeBaseline volume = new VolumeBaseline(principal.first, settings.learningPeriod(), principal.volume);

        TreeSet<Sighting> candidates = new TreeSet<>(Sighting.FIRST);
        for (ValueSet values : principal.features.values()) {
            for (ValueSet.Entry e : values.exact().values()) {
                if (e.first >= learningEnd && e.sighting != null) {
                    candidates.add(e.sighting);
                }
            }
        }
        for (var m : principal.volume.minutes().tailMap(learningEndMinute, true).entrySet()) {
            if (m.getValue().first != null && !spikes(m.getKey(), m.getValue(), volume).isEmpty()) {
                candidates.add(m.getValue().first);
            }
        }
        List<Anomaly> out = new ArrayList<>();
        for (Sighting call : candidates) {
            Anomaly a = judge(call, principal, learningEnd, learningEndMinute, volume, accounts);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private Anomaly judge(Sighting call, Profile principal, long learningEnd, long learningEndMinute,
                          VolumeBaseline volume, Profiles accounts) {
        Map<Feature, String> novel = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            if (principal.features.get(f).firstSeen(call.value(f)) >= learningEnd) {
                novel.put(f, call.value(f));
            }
        }
        boolean newHour = principal.hourFirst[HourOfWeek.of(call.time())] >= learningEnd;
        Set<Feature> newForAccount = EnumSet.noneOf(Feature.class);
        Profile account = accounts.byKey().get(call.account());
        if (account != null) {
            long accountLearned = VolumeBaseline.saturatedAdd(account.first, settings.learningPeriod());
            for (Feature f : new Feature[] {Feature.API, Feature.REGION, Feature.USER_AGENT}) {
                if (account.features.get(f).firstSeen(call.value(f)) >= accountLearned) {
                    newForAccount.add(f);
                }
            }
        }
        long minute = Math.floorDiv(call.time(), MinuteVolume.MINUTE_MILLIS);
        MinuteVolume.Bucket bucket = principal.volume.minutes().get(minute);
        Map<String, Anomaly.Spike> spikes = bucket == null || minute < learningEndMinute
                ? Map.of() : spikes(minute, bucket, volume);

        AnomalyScoring scoring = settings.scoring();
        int context = (novel.containsKey(Feature.NETWORK) ? 1 : 0)
                + (changed(Feature.USER_AGENT, novel, newForAccount, scoring.userAgentNeedsAccountNovelty()) ? 1 : 0)
                + (changed(Feature.REGION, novel, newForAccount, scoring.regionNeedsAccountNovelty()) ? 1 : 0);
        boolean newApi = novel.containsKey(Feature.API);
        boolean reported = !spikes.isEmpty() || (newApi && novel.containsKey(Feature.NETWORK)) || context >= 2;
        boolean apiAlone = !reported && newApi && scoring.reportNewApiAlone();
        if (!reported && !apiAlone) {
            return null;
        }
        Tactic tactic = spikes.containsKey("s3-bytes-out") ? Tactic.EXFILTRATION
                : tactics.of(call.eventSource(), call.eventName(), call.readOnly());
        return new Anomaly(call, tactic, novel, newHour, newForAccount, spikes, apiAlone);
    }

    /** Whether a feature's value is a change of context: new to the principal and, when asked, to its account. */
    private static boolean changed(Feature f, Map<Feature, String> novel, Set<Feature> newForAccount,
                                   boolean needsAccountNovelty) {
        return novel.containsKey(f) && (!needsAccountNovelty || newForAccount.contains(f));
    }

    private Map<String, Anomaly.Spike> spikes(long minute, MinuteVolume.Bucket bucket, VolumeBaseline volume) {
        Map<String, Anomaly.Spike> out = new LinkedHashMap<>();
        VolumeBaseline.Expectation calls = volume.calls(minute);
        double callThreshold = calls.threshold(settings.volumeDeviations());
        if (bucket.calls >= settings.minCallsPerMinute() && bucket.calls > callThreshold) {
            out.put("calls", new Anomaly.Spike(minute, bucket.calls, calls.mean(), calls.deviation(), calls.peak(),
                    callThreshold,
                    calls.hourOfWeek()));
        }
        VolumeBaseline.Expectation bytes = volume.bytesOut(minute);
        double byteThreshold = bytes.threshold(settings.volumeDeviations());
        if (bucket.bytesOut >= settings.minBytesOutPerMinute() && bucket.bytesOut > byteThreshold) {
            out.put("s3-bytes-out", new Anomaly.Spike(minute, bucket.bytesOut, bytes.mean(), bytes.deviation(),
                    bytes.peak(), byteThreshold, bytes.hourOfWeek()));
        }
        return out;
    }
}
