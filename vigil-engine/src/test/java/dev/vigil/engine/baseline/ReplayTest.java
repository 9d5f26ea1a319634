package dev.vigil.engine.baseline;

import static dev.vigil.engine.baseline.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The same input gives the same findings however it is split among partial states and ordered, and a run continued
 * from a snapshot reports for its events what one run over everything reports for them.
 */
class ReplayTest {

    private static final String[] APIS = {"ListUsers", "GetUser", "ListRoles", "GetRole", "ListPolicies",
        "CreateAccessKey", "AttachUserPolicy", "DeleteUser", "CreateUser", "PutRolePolicy"};
    private static final String[] IPS = {"198.51.100.7", "198.51.100.9", "203.0.113.5", "192.0.2.44", "2001:db8:1::5",
        "athena.amazonaws.com"};
    private static final String[] AGENTS = {"aws-cli/2.15.30 Python/3.11.8", "Boto3/1.34.1 Python/3.12",
        "aws-sdk-java/1.12.600 Linux/6.1", "python-requests/2.31.0", "console.amazonaws.com"};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "ap-southeast-2"};

    /** Seven principals over twelve days: a steady routine with occasional departures and bursts, drawn from a seed. */
    static List<JsonEvent> workload(long seed) {
        Random r = new Random(seed);
        List<JsonEvent> out = new ArrayList<>();
        for (int p = 0; p < 7; p++) {
            String arn = "arn:aws:iam::111122223333:user/u" + p;
            int start = r.nextInt(4);
            for (int d = start; d < 12; d++) {
                int calls = 5 + r.nextInt(10);
                for (int c = 0; c < calls; c++) {
                    boolean odd = d > 7 && r.nextInt(8) == 0;
                    Duration at = Duration.ofDays(d).plusHours(8 + r.nextInt(10)).plusMinutes(r.nextInt(60))
                            .plusSeconds(r.nextInt(60));
                    out.add(call(arn).at(at)
                            .api("iam.amazonaws.com", APIS[odd ? r.nextInt(APIS.length) : r.nextInt(3)], odd)
                            .ip(IPS[odd ? r.nextInt(IPS.length) : 0])
                            .agent(AGENTS[odd ? r.nextInt(AGENTS.length) : 0])
                            .region(REGIONS[odd ? r.nextInt(REGIONS.length) : 0]).event());
                }
                if (d > 8 && r.nextInt(5) == 0) {
                    Duration burst = Duration.ofDays(d).plusHours(13).plusMinutes(r.nextInt(60));
                    for (int i = 0; i < 40; i++) {
                        out.add(call(arn).at(burst.plusMillis(i * 1000L)).api("s3.amazonaws.com", "GetObject", true)
                                .bytesOut(3_000_000).event());
                    }
                }
            }
        }
        return out;
    }

    private static List<Finding> split(BaselineSettings settings, BaselineSnapshot prior, List<JsonEvent> events,
                                       int parts, long seed) {
        List<JsonEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        BehaviourBaselines detector = new BehaviourBaselines(settings, prior);
        List<BehaviourBaselines.State> states = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            states.add(detector.newState());
        }
        Random which = new Random(seed * 31);
        for (JsonEvent e : shuffled) {
            detector.accept(states.get(which.nextInt(parts)), e);
        }
        Collections.shuffle(states, new Random(seed + 1));
        return detector.finish(states);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void splittingAndReorderingTheInputChangesNothing(int parts) {
        List<JsonEvent> events = workload(42);
        BaselineSettings settings = Runs.COPIED;
        List<Finding> whole = Runs.run(settings, events);
        assertThat(whole).hasSizeGreaterThan(3);
        for (long seed = 1; seed <= 4; seed++) {
            assertThat(split(settings, BaselineSnapshot.EMPTY, events, parts, seed)).isEqualTo(whole);
        }
    }

    @Test
    void splittingChangesNothingWhenEveryCapIsReached() {
        List<JsonEvent> events = workload(7);
        BaselineSettings tight = new BaselineSettings(Duration.ofDays(7), 4, 2, 30, 4.0, 30, 100_000_000L,
                dev.vigil.engine.EvidenceText.COPIED, AnomalyScoring.defaults());
        BehaviourBaselines one = new BehaviourBaselines(tight, BaselineSnapshot.EMPTY);
        List<Finding> whole = Runs.run(one, events);
        assertThat(one.principalsCapped()).isTrue();
        assertThat(whole).isNotEmpty();
        for (long seed = 1; seed <= 4; seed++) {
            BehaviourBaselines again = new BehaviourBaselines(tight, BaselineSnapshot.EMPTY);
            List<BehaviourBaselines.State> states = List.of(again.newState(), again.newState(), again.newState());
            List<JsonEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            for (int i = 0; i < shuffled.size(); i++) {
                again.accept(states.get(i % 3), shuffled.get(i));
            }
            assertThat(again.finish(states)).isEqualTo(whole);
            assertThat(again.snapshot()).isEqualTo(one.snapshot());
        }
    }

    @Test
    void theSameInputGivesTheSameSnapshotBytes() {
        List<JsonEvent> events = workload(3);
        BehaviourBaselines a = new BehaviourBaselines(Runs.COPIED, BaselineSnapshot.EMPTY);
        Runs.run(a, events);
        BehaviourBaselines b = new BehaviourBaselines(Runs.COPIED, BaselineSnapshot.EMPTY);
        List<JsonEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        Runs.run(b, reversed);
        assertThat(b.snapshot().toBytes()).isEqualTo(a.snapshot().toBytes());
    }

    /** Per finding id, the origins of the calls it cites that lie in the given set. */
    private static Map<String, TreeSet<String>> citing(List<Finding> findings, java.util.Set<String> origins) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (Finding f : findings) {
            for (Evidence e : f.evidence()) {
                if (origins.contains(e.origin())) {
                    out.computeIfAbsent(f.id(), k -> new TreeSet<>()).add(e.origin());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 9, 10, 11})
    void aRunContinuedFromASnapshotReportsWhatOneRunWouldForItsEvents(int splitDay) throws Exception {
        List<JsonEvent> events = new ArrayList<>(workload(11));
        events.sort(Comparator.comparingLong(JsonEvent::timeMillis));
        Instant cut = Calls.DAY_0.plus(Duration.ofDays(splitDay));
        List<JsonEvent> first = events.stream().filter(e -> e.timeMillis() < cut.toEpochMilli()).toList();
        List<JsonEvent> second = events.stream().filter(e -> e.timeMillis() >= cut.toEpochMilli()).toList();

        List<Finding> whole = Runs.run(Runs.COPIED, events);
        BehaviourBaselines firstRun = new BehaviourBaselines(Runs.COPIED, BaselineSnapshot.EMPTY);
        Runs.run(firstRun, first);
        BaselineSnapshot saved = BaselineSnapshot.fromBytes(firstRun.snapshot().toBytes());
        List<Finding> continued = split(Runs.COPIED, saved, second, 3, splitDay);

        java.util.Set<String> secondOrigins = new java.util.HashSet<>();
        second.forEach(e -> secondOrigins.add(e.origin()));
        Map<String, TreeSet<String>> expected = citing(whole, secondOrigins);
        assertThat(citing(continued, secondOrigins)).isEqualTo(expected);
        if (splitDay > 8) {
            assertThat(expected).isNotEmpty();
        }
    }
}
