package dev.vigil.engine.baseline;

import dev.vigil.engine.EvidenceText;
import dev.vigil.engine.StatefulDetector;
import dev.vigil.model.DetectionInfo;
import dev.vigil.model.Event;
import dev.vigil.model.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Behavioural baselines over CloudTrail: learns per principal and per account which APIs, regions, source networks,
 * user-agent families and hours of the week are usual, and per principal its calls and S3 bytes out per minute by
 * hour of the week; after a principal's learning period, reports calls that depart from that as GuardDuty-style
 * {@code <Tactic>:IAMUser/AnomalousBehavior} findings. What is learned, the scoring and the bounds are described in
 * docs/baselines.md.
 *
 * <p>Use: one instance per run, built with the settings and the state saved by the previous run
 * ({@link BaselineSnapshot#EMPTY} for none); feed every CloudTrail event to some partial state
 * ({@link #newState()}, {@link #accept}); {@link #finish} returns the findings, then {@link #snapshot()} the state to
 * save for the next run. Partial states hold only order-free facts and every decision is taken in {@code finish},
 * so the findings do not depend on how the events were split or ordered, and a run continued from a snapshot
 * reports what one run over all the input would have reported for the new events.
 */
public final class BehaviourBaselines implements StatefulDetector<Event, BehaviourBaselines.State> {

    /** Longest feature value kept; longer ones (hostile input) are cut, so a value's memory is bounded. */
    static final int MAX_VALUE_LENGTH = 200;

    private final BaselineSettings settings;
    private final BaselineSnapshot prior;
    private final Set<String> known;
    private final ApiTactics tactics;
    private SnapshotCodec.Decoded merged;

    /**
     * @param settings the knobs ({@link BaselineSettings#defaults()})
     * @param prior    the state a previous run saved, or {@link BaselineSnapshot#EMPTY}
     */
    public BehaviourBaselines(BaselineSettings settings, BaselineSnapshot prior) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.prior = Objects.requireNonNull(prior, "prior");
        SnapshotCodec.Decoded decoded = prior.decode(settings);
        Set<String> keys = new HashSet<>(decoded.principals().byKey().keySet());
        keys.addAll(decoded.accounts().byKey().keySet());
        this.known = Set.copyOf(keys);
        this.tactics = ApiTactics.builtIn();
    }

    /** One reader's partial state: profiles of the principals and accounts it saw. Not thread-safe. */
    public static final class State {
        private final Profiles principals;
        private final Profiles accounts;
        private final BaselineSettings settings;
        private final Memo networks = new Memo(SourceNetwork::of);
        private final Memo userAgents = new Memo(UserAgentFamily::of);

        private State(BaselineSettings settings, Profiles principals, Profiles accounts) {
            this.settings = settings;
            this.principals = principals;
            this.accounts = accounts;
        }

        private Profile newPrincipal() {
            return new Profile(settings.maxValuesPerFeature(), settings.maxActiveMinutes(), true);
        }

        private Profile newAccount() {
            return new Profile(settings.maxValuesPerFeature(), settings.maxActiveMinutes(), false);
        }

        private void merge(State other) {
            principals.merge(other.principals, this::newPrincipal);
            accounts.merge(other.accounts, this::newAccount);
        }
    }

    @Override
    public List<DetectionInfo> detections() {
        List<DetectionInfo> out = new ArrayList<>();
        for (Tactic t : Tactic.values()) {
            out.add(t.detection());
        }
        out.sort(Comparator.comparing(DetectionInfo::id));
        return out;
    }

    @Override
    public State newState() {
        return new State(settings, new Profiles(settings.maxPrincipals(), known),
                new Profiles(settings.maxPrincipals(), known));
    }

    @Override
    public void accept(State state, Event event) {
        String key = CallReader.principalKey(event);
        Sighting call = CallReader.read(event, settings.evidence() == EvidenceText.COPIED, key, state.networks,
                state.userAgents);
        if (call == null) {
            return;
        }
        Profile principal = state.principals.get(key, state::newPrincipal);
        if (principal != null) {
            principal.add(call, CallReader.bytesOut(event));
        }
        if (!call.account().isEmpty()) {
            Profile account = state.accounts.get(call.account(), state::newAccount);
            if (account != null) {
                account.add(call, 0);
            }
        }
    }

    @Override
    public List<Finding> finish(List<State> states) {
        SnapshotCodec.Decoded start = prior.decode(settings);
        State all = new State(settings, start.principals(), start.accounts());
        for (State s : states) {
            all.merge(s);
        }
        merged = new SnapshotCodec.Decoded(all.principals, all.accounts);
        AnomalyJudge judge = new AnomalyJudge(settings, tactics);
        FindingWriter writer = new FindingWriter(settings);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, Profile> p : new TreeMap<>(all.principals.byKey()).entrySet()) {
            findings.addAll(writer.findings(p.getKey(), p.getValue(), judge.judge(p.getValue(), all.accounts)));
        }
        findings.sort(Comparator.comparing(Finding::id));
        return findings;
    }

    /**
     * The state to save for the next run: the prior state merged with this run's. Call after {@link #finish}.
     *
     * @throws IllegalStateException before {@code finish}
     */
    public BaselineSnapshot snapshot() {
        if (merged == null) {
            throw new IllegalStateException("snapshot() is available after finish(): call finish first");
        }
        return BaselineSnapshot.of(SnapshotCodec.encode(merged.principals(), merged.accounts(),
                settings.learningPeriod()));
    }

    /** True when more principals were active than {@link BaselineSettings#maxPrincipals()}; after finish. */
    public boolean principalsCapped() {
        return merged != null && merged.principals().overflowed();
    }
}
