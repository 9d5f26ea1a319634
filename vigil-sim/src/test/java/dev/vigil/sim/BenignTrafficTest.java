package dev.vigil.sim;

import dev.vigil.sim.SimulatedOutput.Rec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static dev.vigil.sim.SimulatedOutput.denied;
import static dev.vigil.sim.SimulatedOutput.discovery;
import static dev.vigil.sim.SimulatedOutput.maxDistinctInWindow;
import static dev.vigil.sim.SimulatedOutput.maxInWindow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unlabelled traffic must not trip the detections the scenarios are there to trip: the thresholds are
 * computed over the written logs, at the default options and at a denser rate. {@link BenignActivityTest}
 * pushes the generator itself much further without the cost of files.
 */
class BenignTrafficTest {

    private static final Map<String, SimulatedOutput> OUTPUTS = new HashMap<>();
    @org.junit.jupiter.api.io.TempDir
    static Path root;

    @BeforeAll
    static void generate() {
        OUTPUTS.put("default", run("default", EstateSimulator.Options.defaults()));
        // 60 000 events in two office hours: many principals exceed their read budget and must be held back
        OUTPUTS.put("dense", run("dense", new EstateSimulator.Options(5, 60_000,
                Instant.parse("2026-10-05T08:00:00Z"), Duration.ofHours(2))));
    }

    private static SimulatedOutput run(String name, EstateSimulator.Options options) {
        return SimulatedOutput.generate(root.resolve(name), options);
    }

    static Stream<String> outputs() {
        return Stream.of("default", "dense");
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void noConsoleFailureBurstFromOneAddressOrUser(String name) {
        List<Rec> failures = OUTPUTS.get(name).benign().stream()
                .filter(r -> r.name().equals("ConsoleLogin") && "Failure".equals(r.consoleLogin())).toList();
        assertThat(worst(failures, Rec::sourceIp, 300)).isLessThan(3);
        assertThat(worst(failures, Rec::userName, 300)).isLessThan(3);
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void noAccessDeniedBurstPerPrincipal(String name) {
        List<Rec> denials = OUTPUTS.get(name).benign().stream().filter(r -> denied(r.errorCode())).toList();
        for (Map.Entry<String, List<Rec>> e : byPrincipal(denials).entrySet()) {
            assertThat(maxInWindow(e.getValue().stream().map(Rec::time).toList(), 300)).as(e.getKey()).isLessThan(5);
        }
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void noPrincipalEnumeratesFifteenDistinctApisInTenMinutes(String name) {
        List<Rec> reads = OUTPUTS.get(name).benign().stream().filter(r -> discovery(r.name())).toList();
        for (Map.Entry<String, List<Rec>> e : byPrincipal(reads).entrySet()) {
            assertThat(maxDistinctInWindow(e.getValue(), 600)).as(e.getKey()).isLessThan(15);
        }
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void noPrincipalReadsFiftyObjectsInTenMinutes(String name) {
        List<Rec> gets = OUTPUTS.get(name).benign().stream().filter(r -> r.name().equals("GetObject")).toList();
        assertThat(gets).isNotEmpty();
        for (Map.Entry<String, List<Rec>> e : byPrincipal(gets).entrySet()) {
            assertThat(maxInWindow(e.getValue().stream().map(Rec::time).toList(), 600)).as(e.getKey()).isLessThan(50);
        }
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void benignTrafficMakesNoMonitoredChangeAndNeverUsesRoot(String name) {
        Set<String> changeSources = Set.of("iam.amazonaws.com", "cloudtrail.amazonaws.com", "config.amazonaws.com",
                "organizations.amazonaws.com", "guardduty.amazonaws.com", "securityhub.amazonaws.com",
                "ec2.amazonaws.com");
        Predicate<Rec> change = r -> Boolean.FALSE.equals(r.readOnly()) && (changeSources.contains(r.source())
                || r.source().equals("s3.amazonaws.com") && Boolean.TRUE.equals(r.managementEvent())
                || r.source().equals("kms.amazonaws.com") && !r.eventType().equals("AwsServiceEvent"));
        List<Rec> benign = OUTPUTS.get(name).benign();
        assertThat(benign).filteredOn(change).isEmpty();
        assertThat(benign).noneMatch(r -> "Root".equals(r.identityType()));
        // the same predicate does see the labelled changes, so it is not vacuous
        assertThat(OUTPUTS.get(name).records).filteredOn(change).hasSizeGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void consoleSignInsUseMfaOrSsoFederation(String name) {
        List<Rec> logins = OUTPUTS.get(name).benign().stream()
                .filter(r -> r.name().equals("ConsoleLogin") && "Success".equals(r.consoleLogin())).toList();
        assertThat(logins).isNotEmpty().allSatisfy(r -> {
            if (r.identityType().equals("IAMUser")) {
                assertThat(r.mfaUsed()).isEqualTo("Yes");
            } else {
                assertThat(r.identityType()).isEqualTo("AssumedRole");
                assertThat(r.arn()).contains(":assumed-role/AWSReservedSSO_");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void rareDenialsStillOccur(String name) {
        // the guards cap bursts; they must not remove the isolated errors real traffic has
        assertThat(OUTPUTS.get(name).benign().stream().filter(r -> denied(r.errorCode())).count()).isPositive();
    }

    /** Groups by every key a detection might call "the principal". */
    private static Map<String, List<Rec>> byPrincipal(List<Rec> recs) {
        Map<String, List<Rec>> groups = new HashMap<>();
        for (Rec r : recs) {
            for (String key : r.principalKeys()) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        return groups;
    }

    private static int worst(List<Rec> recs, Function<Rec, String> key, long seconds) {
        Map<String, List<Long>> groups = new HashMap<>();
        recs.forEach(r -> groups.computeIfAbsent(String.valueOf(key.apply(r)), k -> new ArrayList<>()).add(r.time()));
        return groups.values().stream().mapToInt(times -> maxInWindow(times, seconds)).max().orElse(0);
    }
}
