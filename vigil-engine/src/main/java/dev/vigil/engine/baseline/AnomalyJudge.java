package dev.vigil.engine.baseline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides, for one principal with its merged profile, which calls are anomalies and how strongly.
 *
 * <p>Candidates are the first call of each value first seen after the learning period and the first call of each
 * minute above its learned volume; all are facts of the merged profile, so the decision is the same however the
 * input was split. Signals and weights: new API 2, new network 2, new user agent 2, new region 2, new hour of the
 * week 1, API or region new to the whole account 1 each, call-volume spike 3, S3 bytes-out spike 3. A candidate
 * is reported when it has a new API, a volume spike, or at least two of new network, user agent and region.
 */
final class AnomalyJudge {

    static final int HOUR_WEIGHT = 1;
    static final int ACCOUNT_WEIGHT = 1;
    static final int SPIKE_WEIGHT = 3;

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
            Anomaly a = score(call, principal, learningEnd, learningEndMinute, volume, accounts);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private Anomaly score(Sighting call, Profile principal, long learningEnd, long learningEndMinute,
                          VolumeBaseline volume, Profiles accounts) {
        List<String> signals = new ArrayList<>();
        Map<Feature, String> novel = new EnumMap<>(Feature.class);
        int score = 0;
        for (Feature f : Feature.values()) {
            if (principal.features.get(f).firstSeen(call.value(f)) >= learningEnd) {
                novel.put(f, call.value(f));
                signals.add(f.signal());
                score += f.weight();
            }
        }
        int hour = HourOfWeek.of(call.time());
        if (principal.hourFirst[hour] >= learningEnd) {
            signals.add("new-hour-of-week");
            score += HOUR_WEIGHT;
        }
        Profile account = accounts.byKey().get(call.account());
        if (account != null) {
            long accountLearned = VolumeBaseline.saturatedAdd(account.first, settings.learningPeriod());
            for (Feature f : new Feature[] {Feature.API, Feature.REGION}) {
                if (account.features.get(f).firstSeen(call.value(f)) >= accountLearned) {
                    signals.add(f.signal() + "-for-account");
                    score += ACCOUNT_WEIGHT;
                }
            }
        }
        long minute = Math.floorDiv(call.time(), MinuteVolume.MINUTE_MILLIS);
        MinuteVolume.Bucket bucket = principal.volume.minutes().get(minute);
        Map<String, Anomaly.Spike> spikes = bucket == null || minute < learningEndMinute
                ? Map.of() : spikes(minute, bucket, volume);
        for (String kind : spikes.keySet()) {
            signals.add(kind + "-spike");
            score += SPIKE_WEIGHT;
        }
        int contextual = (novel.containsKey(Feature.NETWORK) ? 1 : 0) + (novel.containsKey(Feature.USER_AGENT) ? 1 : 0)
                + (novel.containsKey(Feature.REGION) ? 1 : 0);
        boolean newApi = novel.containsKey(Feature.API);
        if (!newApi && spikes.isEmpty() && contextual < 2) {
            return null;
        }
        Tactic tactic = spikes.containsKey("s3-bytes-out") ? Tactic.EXFILTRATION
                : tactics.of(call.eventSource(), call.eventName(), call.readOnly());
        String subject;
        if (newApi) {
            subject = "api=" + call.api();
        } else if (!spikes.isEmpty()) {
            subject = "volume=" + String.join("+", spikes.keySet());
        } else {
            StringBuilder b = new StringBuilder("context=");
            novel.forEach((f, v) -> b.append(b.length() > 8 ? "," : "").append(f.jsonName()).append(':').append(v));
            subject = b.toString();
        }
        return new Anomaly(call, tactic, subject, List.copyOf(signals), novel, spikes, score);
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
