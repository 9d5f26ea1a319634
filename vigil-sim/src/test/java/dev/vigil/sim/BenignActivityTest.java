package dev.vigil.sim;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benign generator on its own, at a rate far above what any output test writes (about 55 records a
 * second for two office hours), where every guard has to hold. Works on the in-memory records, so it is
 * cheap enough to go this far.
 */
class BenignActivityTest {

    private static final long START = Instant.parse("2026-10-05T08:00:00Z").toEpochMilli();
    private static final long SPAN = 2 * 3_600_000L;
    private static final int COUNT = 400_000;
    private static final List<TrailRecord> RECORDS = new ArrayList<>(COUNT);
    private static Estate estate;

    @BeforeAll
    static void generate() {
        estate = EstateFactory.build(11);
        BenignActivity benign = new BenignActivity(estate, 11, COUNT, START, SPAN);
        while (benign.hasNext()) {
            RECORDS.add(benign.next());
        }
    }

    @Test
    void producesExactlyTheRequestedCountInTimeOrderInsideTheSpan() {
        assertThat(RECORDS).hasSize(COUNT);
        long previous = Long.MIN_VALUE;
        for (TrailRecord r : RECORDS) {
            assertThat(r.timeMillis()).isGreaterThanOrEqualTo(previous).isBetween(START, START + SPAN - 1);
            previous = r.timeMillis();
        }
    }

    @Test
    void objectReadsStayUnderFiftyPerPrincipalInTenMinutes() {
        Map<String, List<Long>> byKey = group(r -> r.eventName().equals("GetObject"));
        assertThat(byKey).isNotEmpty();
        byKey.forEach((key, times) -> assertThat(SimulatedOutput.maxInWindow(times, 600)).as(key).isLessThan(50));
        // the busiest principals are at their budget, so the guard is what keeps them under
        assertThat(byKey.values().stream().mapToInt(t -> SimulatedOutput.maxInWindow(t, 600)).max().orElse(0))
                .isGreaterThanOrEqualTo(BenignGuard.MAX_GET_OBJECTS);
    }

    @Test
    void accessDeniedStaysUnderFivePerPrincipalInFiveMinutes() {
        Map<String, List<Long>> byKey = group(r -> SimulatedOutput.denied(r.errorCode()));
        assertThat(byKey).isNotEmpty();
        byKey.forEach((key, times) -> assertThat(SimulatedOutput.maxInWindow(times, 300)).as(key).isLessThan(5));
    }

    @Test
    void consoleFailuresStayUnderThreePerUserAndAddressInFiveMinutes() {
        Map<String, List<Long>> byUser = new HashMap<>();
        Map<String, List<Long>> byIp = new HashMap<>();
        for (TrailRecord r : RECORDS) {
            if (r.eventName().equals("ConsoleLogin") && "Failed authentication".equals(r.errorMessage())) {
                String user = ((Identity.FailedSignIn) r.identity()).userName();
                byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(r.timeMillis() / 1000);
                byIp.computeIfAbsent(r.sourceIp(), k -> new ArrayList<>()).add(r.timeMillis() / 1000);
            }
        }
        assertThat(byUser).isNotEmpty();
        byUser.forEach((k, t) -> assertThat(SimulatedOutput.maxInWindow(t, 300)).as(k).isLessThan(3));
        byIp.forEach((k, t) -> assertThat(SimulatedOutput.maxInWindow(t, 300)).as(k).isLessThan(3));
    }

    @Test
    void eachPrincipalCallsFewerThanFifteenDistinctDiscoveryApis() {
        Map<String, Set<String>> names = new HashMap<>();
        for (TrailRecord r : RECORDS) {
            if (SimulatedOutput.discovery(r.eventName())) {
                for (String key : keys(r)) {
                    names.computeIfAbsent(key, k -> new HashSet<>()).add(r.eventName());
                }
            }
        }
        // over the whole run, not just ten minutes: the repertoires are small by construction
        names.forEach((key, set) -> assertThat(set).as(key).hasSizeLessThan(15));
    }

    @Test
    void sessionsAndAssumeRoleResponsesAgree() {
        // the key an AssumeRole hands out is the one the role's calls in that session carry
        Set<String> issued = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (TrailRecord r : RECORDS) {
            if (r.eventName().equals("AssumeRole")) {
                Json.Obj credentials = (Json.Obj) field((Json.Obj) r.responseElements(), "credentials");
                issued.add((String) field(credentials, "accessKeyId"));
            } else if (r.identity() instanceof Identity.AssumedRole a) {
                used.add(a.accessKeyId());
            }
        }
        assertThat(issued).isNotEmpty();
        assertThat(used).containsAnyElementsOf(issued);
    }

    private static Object field(Json.Obj obj, String key) {
        Object[] kv = obj.keyValues();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i].equals(key)) {
                return kv[i + 1];
            }
        }
        throw new AssertionError("no " + key);
    }

    private static Map<String, List<Long>> group(Predicate<TrailRecord> filter) {
        Map<String, List<Long>> byKey = new HashMap<>();
        for (TrailRecord r : RECORDS) {
            if (filter.test(r)) {
                for (String key : keys(r)) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r.timeMillis() / 1000);
                }
            }
        }
        return byKey;
    }

    /** The same principal keys the file-based tests use, read from the in-memory identity. */
    private static List<String> keys(TrailRecord r) {
        List<String> keys = new ArrayList<>();
        switch (r.identity()) {
            case Identity.IamUser u -> {
                keys.add("arn:" + u.arn());
                keys.add("key:" + u.accessKeyId());
            }
            case Identity.AssumedRole a -> {
                keys.add("arn:" + a.arn());
                keys.add("issuer:" + a.roleArn());
                keys.add("key:" + a.accessKeyId());
                if (a.invokedBy() != null) {
                    keys.add("invokedBy:" + a.invokedBy());
                }
            }
            case Identity.AwsService s -> keys.add("invokedBy:" + s.invokedBy());
            case Identity.WebIdentity w -> keys.add("web:" + w.userName());
            default -> keys.add("other:" + r.identity());
        }
        return keys;
    }
}
