package dev.vigil.engine.apithreat;

import dev.vigil.engine.intel.AwsAddressRanges;
import dev.vigil.engine.intel.IpAddresses;
import dev.vigil.engine.intel.ThreatIntel;
import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static dev.vigil.engine.apithreat.Calls.ALICE;
import static dev.vigil.engine.apithreat.Calls.INSTANCE;
import static dev.vigil.engine.apithreat.Calls.ROLE_SESSION;
import static dev.vigil.engine.apithreat.Calls.instanceRole;
import static dev.vigil.engine.apithreat.Calls.user;
import static org.assertj.core.api.Assertions.assertThat;

class ApiThreatDetectionsTest {

    @TempDir
    Path dir;
    final List<Problem> problems = new ArrayList<>();
    ThreatIntel intel;
    AwsAddressRanges ranges;

    @BeforeEach
    void sets() throws IOException {
        Files.writeString(dir.resolve("mine.txt"), "198.51.100.0/25\n");
        Files.writeString(dir.resolve("feed.csv"), "indicator,confidence\n198.51.100.200,70\nbad.example,90\n"
                + "ec2.amazonaws.com,90\n");
        Files.writeString(dir.resolve("tor.txt"), "ExitNode AA\nExitAddress 192.0.2.66 2026-10-01 00:00:00\n");
        Files.writeString(dir.resolve("old.txt"), "192.0.2.99\n");
        Files.writeString(dir.resolve("intel.yaml"), """
                - {name: my-blocklist, file: mine.txt, confidence: 80}
                - {name: vendor-feed, file: feed.csv, custom: false}
                - {name: tor-exits, file: tor.txt}
                - {name: stale, file: old.txt, expires: 2026-09-01}
                """);
        intel = ThreatIntel.load(List.of(dir), problems::add);
        Path json = Files.writeString(dir.resolve("ip-ranges.json"), """
                {"syncToken":"1","createDate":"2026-09-30-00-00-00","prefixes":[
                 {"ip_prefix":"192.0.2.128/25","region":"eu-west-1","service":"EC2",
                  "network_border_group":"eu-west-1"},
                 {"ip_prefix":"192.0.2.0/24","region":"GLOBAL","service":"AMAZON","network_border_group":"GLOBAL"}],
                 "ipv6_prefixes":[{"ipv6_prefix":"2001:db8:a05::/48","region":"eu-west-1","service":"EC2"}]}
                """);
        ranges = AwsAddressRanges.load(json, problems::add);
        assertThat(problems).isEmpty();
    }

    static List<Finding> run(ApiThreatDetections d, List<JsonEvent> events) {
        ApiThreatDetections.State s = d.newState();
        events.forEach(e -> d.accept(s, e));
        return d.finish(List.of(s));
    }

    static Set<String> types(List<Finding> findings) {
        Set<String> out = new java.util.TreeSet<>();
        findings.forEach(f -> out.addAll(f.rule().types()));
        return out;
    }

    @Test
    void customListRaisesReconForReadsAndUnauthorizedAccessForTheRest() {
        ApiThreatDetections d = new ApiThreatDetections(intel, null, null);
        List<Finding> f = run(d, List.of(
                user("2026-10-01T10:00:00Z", "198.51.100.7", "ListBuckets"),
                user("2026-10-01T10:01:00Z", "198.51.100.8", "DescribeInstances"),
                user("2026-10-01T10:02:00Z", "198.51.100.7", "RunInstances")));
        assertThat(types(f)).containsExactly("Recon:IAMUser/MaliciousIPCaller.Custom",
                "UnauthorizedAccess:IAMUser/MaliciousIPCaller.Custom");
        Finding recon = f.stream().filter(x -> x.rule().id().endsWith("-recon")).findFirst().orElseThrow();
        assertThat(recon.count()).isEqualTo(2);
        assertThat(recon.principal()).isEqualTo(ALICE);
        assertThat(recon.account()).isEqualTo("111122223333");
        assertThat(recon.region()).isEqualTo("eu-west-1");
        assertThat(recon.resource()).isEqualTo("AKIAEXAMPLEALICE");
        assertThat(recon.keys()).containsEntry("indicator", "198.51.100.0/25").containsEntry("set", "my-blocklist");
        Evidence summary = recon.evidence().get(0);
        assertThat(summary.eventId()).isEqualTo("summary");
        assertThat(summary.rawJson()).contains("\"confidence\":80", "\"calls\":2", "\"198.51.100.7\"",
                "\"198.51.100.8\"", "\"first\":\"2026-10-01T10:00:00Z\"", "\"last\":\"2026-10-01T10:01:00Z\"");
        assertThat(recon.evidence()).hasSize(3);
        assertThat(recon.evidence().get(1).rawJson()).contains("ListBuckets");
    }

    @Test
    void thirdPartyFeedsRaiseTheFindingsWithoutCustom() {
        ApiThreatDetections d = new ApiThreatDetections(intel, null, null);
        List<Finding> f = run(d, List.of(
                user("2026-10-01T10:00:00Z", "198.51.100.200", "GetCallerIdentity"),
                user("2026-10-01T10:00:00Z", "198.51.100.200", "CreateAccessKey")));
        assertThat(types(f)).containsExactly("Recon:IAMUser/MaliciousIPCaller",
                "UnauthorizedAccess:IAMUser/MaliciousIPCaller");
    }

    @Test
    void torExitsRaiseTorIpCaller() {
        ApiThreatDetections d = new ApiThreatDetections(intel, null, null);
        List<Finding> f = run(d, List.of(
                user("2026-10-01T10:00:00Z", "192.0.2.66", "ListUsers"),
                user("2026-10-01T10:05:00Z", "192.0.2.66", "AttachUserPolicy")));
        assertThat(types(f)).containsExactly("Recon:IAMUser/TorIPCaller", "UnauthorizedAccess:IAMUser/TorIPCaller");
    }

    @Test
    void aListedDomainMatchesAHostNameCallerButServiceCallersNever() {
        ApiThreatDetections d = new ApiThreatDetections(intel, null, null);
        List<Finding> f = run(d, List.of(
                user("2026-10-01T10:00:00Z", "bad.example", "PutObject"),
                user("2026-10-01T10:00:00Z", "ec2.amazonaws.com", "PutObject"),
                user("2026-10-01T10:00:00Z", "AWS Internal", "PutObject")));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).keys()).containsEntry("indicator", "bad.example");
    }

    @Test
    void unlistedExpiredAndUnusableAddressesRaiseNothing() {
        ApiThreatDetections d = new ApiThreatDetections(intel, null, null);
        assertThat(run(d, List.of(
                user("2026-10-01T10:00:00Z", "198.51.100.128", "ListBuckets"),
                user("2026-10-01T10:00:00Z", "192.0.2.99", "ListBuckets"), // set expired 2026-09-01
                user("2026-10-01T10:00:00Z", "", "ListBuckets"),
                user("2026-10-01T10:00:00Z", "198.51.100.7 ", "ListBuckets"),
                user("2026-10-01T10:00:00Z", "not an address", "ListBuckets")))).isEmpty();
        assertThat(run(new ApiThreatDetections(null, null, null), List.of(
                user("2026-10-01T10:00:00Z", "198.51.100.7", "ListBuckets")))).isEmpty();
    }

    @Test
    void evidenceKeepsTheEarliestRecordsAndAnExactCount() {
        ApiThreatDetections d = new ApiThreatDetections(intel, null, null);
        List<JsonEvent> events = new ArrayList<>();
        for (int i = 59; i >= 0; i--) {
            events.add(user(String.format("2026-10-01T10:%02d:00Z", i), "198.51.100.9", "TerminateInstances"));
        }
        Finding f = run(d, events).get(0);
        assertThat(f.count()).isEqualTo(60);
        assertThat(f.evidence()).hasSize(50);
        assertThat(f.evidence().get(1).time()).hasToString("2026-10-01T10:00:00Z");
        assertThat(f.evidence().get(49).time()).hasToString("2026-10-01T10:48:00Z");
        assertThat(f.firstSeen()).hasToString("2026-10-01T10:00:00Z");
        assertThat(f.lastSeen()).hasToString("2026-10-01T10:59:00Z");
    }

    @Test
    void aSpentTextBudgetKeepsReferencesInsteadOfRecords() {
        ApiThreatDetections d = new ApiThreatDetections(intel, null, null);
        JsonEvent first = user("2026-10-01T10:00:00Z", "198.51.100.9", "TerminateInstances");
        ApiThreatDetections.State s = d.newState(first.rawJson().length());
        d.accept(s, first);
        d.accept(s, user("2026-10-01T10:01:00Z", "198.51.100.9", "TerminateInstances"));
        Finding f = d.finish(List.of(s)).get(0);
        assertThat(f.count()).isEqualTo(2);
        assertThat(f.evidence().get(1).hasText()).isTrue();
        assertThat(f.evidence().get(2).hasText()).isFalse();
        assertThat(f.evidence().get(2).origin()).isNotEmpty();
        assertThat(f.evidence().get(2).eventId()).isNotEmpty();
    }

    @Test
    void instanceCredentialsOutsideAwsWithTheAddressRanges() {
        ApiThreatDetections d = new ApiThreatDetections(intel, ranges, null);
        List<Finding> f = run(d, List.of(
                instanceRole("2026-10-01T10:00:00Z", "192.0.2.140", "DescribeInstances", "ASIAEXAMPLE1"), // EC2
                instanceRole("2026-10-01T10:01:00Z", "10.0.1.15", "GetObject", "ASIAEXAMPLE1"), // VPC endpoint
                instanceRole("2026-10-01T10:02:00Z", "2001:db8:a05::15", "GetObject", "ASIAEXAMPLE1"),
                instanceRole("2026-10-01T10:03:00Z", "ec2.amazonaws.com", "GetObject", "ASIAEXAMPLE1"),
                instanceRole("2026-10-01T09:00:00Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE1")));
        assertThat(f).hasSize(1);
        Finding x = f.get(0);
        assertThat(x.rule().types()).containsExactly(
                "UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS");
        assertThat(x.principal()).isEqualTo(ROLE_SESSION);
        assertThat(x.resource()).isEqualTo(INSTANCE);
        assertThat(x.keys()).containsEntry("address", "203.0.113.50");
        assertThat(x.evidence().get(0).rawJson()).contains("\"decidedBy\":\"aws-ip-ranges\"",
                "\"accessKeyId\":\"ASIAEXAMPLE1\"");
        assertThat(x.evidence().get(1).hasText()).isTrue();
    }

    @Test
    void onlyInstanceRoleSessionsCount() {
        ApiThreatDetections d = new ApiThreatDetections(intel, ranges, null);
        JsonEvent notInstance = Calls.role("2026-10-01T10:00:00Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE1",
                "AROAEXAMPLEWEBROLE:alice-session");
        JsonEvent longTermKey = instanceRole("2026-10-01T10:00:00Z", "203.0.113.50", "ListBuckets", "AKIAEXAMPLE1");
        assertThat(run(d, List.of(notInstance, longTermKey,
                user("2026-10-01T10:00:00Z", "203.0.113.50", "ListBuckets")))).isEmpty();
    }

    @Test
    void withoutRangesALaterMinorityAddressRaises() {
        ApiThreatDetections d = new ApiThreatDetections(null, null, null);
        List<JsonEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(instanceRole(String.format("2026-10-01T10:%02d:00Z", i), "192.0.2.140", "DescribeTags",
                    "ASIAEXAMPLE1"));
        }
        events.add(instanceRole("2026-10-01T11:00:00Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE1"));
        events.add(instanceRole("2026-10-01T11:01:00Z", "203.0.113.50", "GetObject", "ASIAEXAMPLE1"));
        List<Finding> f = run(d, events);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).count()).isEqualTo(2);
        assertThat(f.get(0).keys()).containsEntry("address", "203.0.113.50");
        assertThat(f.get(0).evidence().get(0).rawJson()).contains("\"decidedBy\":\"session-history\"",
                "\"sessionAddress\":\"192.0.2.140\"", "\"sessionAddressCalls\":20");
        assertThat(f.get(0).evidence().get(1).hasText()).isFalse();
    }

    @Test
    void withoutRangesEarlierOrEquallyUsedAddressesDoNotRaise() {
        ApiThreatDetections d = new ApiThreatDetections(null, null, null);
        // the minority address came first: the instance's NAT address changed, not a theft pattern
        assertThat(run(d, List.of(
                instanceRole("2026-10-01T09:00:00Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE1"),
                instanceRole("2026-10-01T10:00:00Z", "192.0.2.140", "DescribeTags", "ASIAEXAMPLE1"),
                instanceRole("2026-10-01T10:01:00Z", "192.0.2.140", "DescribeTags", "ASIAEXAMPLE1")))).isEmpty();
        // as many calls from each: no majority to anchor on
        assertThat(run(d, List.of(
                instanceRole("2026-10-01T10:00:00Z", "192.0.2.140", "DescribeTags", "ASIAEXAMPLE2"),
                instanceRole("2026-10-01T11:00:00Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE2")))).isEmpty();
        // different sessions (access keys) are not compared
        assertThat(run(d, List.of(
                instanceRole("2026-10-01T10:00:00Z", "192.0.2.140", "DescribeTags", "ASIAEXAMPLE3"),
                instanceRole("2026-10-01T10:01:00Z", "192.0.2.140", "DescribeTags", "ASIAEXAMPLE3"),
                instanceRole("2026-10-01T11:00:00Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE4")))).isEmpty();
    }

    @Test
    void aKnownInstanceAddressAnchorsTheSessionAndIsNeverRaised() {
        InstanceAddresses known = (id, a) -> id.equals(INSTANCE) && a.equals(IpAddresses.canonical("2001:db8::10"));
        ApiThreatDetections d = new ApiThreatDetections(null, null, known);
        List<Finding> f = run(d, List.of(
                instanceRole("2026-10-01T10:00:00Z", "2001:DB8::10", "DescribeTags", "ASIAEXAMPLE1"),
                instanceRole("2026-10-01T11:00:00Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE1"),
                instanceRole("2026-10-01T11:00:01Z", "203.0.113.50", "ListBuckets", "ASIAEXAMPLE1")));
        assertThat(f).extracting(x -> x.keys().get("address")).containsExactly("203.0.113.50");
        assertThat(f.get(0).evidence().get(0).rawJson()).contains("\"sessionAddressIsInstances\":true");
        // with the ranges: the instance's own public address is never raised even outside the ranges
        ApiThreatDetections withRanges = new ApiThreatDetections(null, ranges, known);
        assertThat(run(withRanges, List.of(
                instanceRole("2026-10-01T10:00:00Z", "2001:db8::10", "DescribeTags", "ASIAEXAMPLE1")))).isEmpty();
    }

    @Test
    void findingsDoNotDependOnOrderOrSplit() {
        List<JsonEvent> events = new ArrayList<>();
        Random random = new Random(3);
        String[] sources = {"198.51.100.7", "198.51.100.200", "192.0.2.66", "203.0.113.50", "192.0.2.140",
                "bad.example", "198.51.100.130"};
        String[] names = {"ListBuckets", "RunInstances", "GetObject", "DeleteBucket"};
        for (int i = 0; i < 400; i++) {
            String t = String.format("2026-10-01T%02d:%02d:%02dZ", 8 + random.nextInt(8), random.nextInt(60),
                    random.nextInt(60));
            String src = sources[random.nextInt(sources.length)];
            String name = names[random.nextInt(names.length)];
            events.add(random.nextBoolean() ? user(t, src, name)
                    : instanceRole(t, src, name, "ASIAEXAMPLE" + random.nextInt(3)));
        }
        for (AwsAddressRanges r : new AwsAddressRanges[]{null, ranges}) {
            ApiThreatDetections d = new ApiThreatDetections(intel, r, null);
            List<Finding> reference = run(d, events);
            assertThat(reference).hasSizeGreaterThan(5);
            for (int trial = 0; trial < 5; trial++) {
                List<JsonEvent> shuffled = new ArrayList<>(events);
                Collections.shuffle(shuffled, random);
                List<ApiThreatDetections.State> states = List.of(d.newState(), d.newState(), d.newState());
                for (JsonEvent e : shuffled) {
                    d.accept(states.get(random.nextInt(3)), e);
                }
                assertThat(d.finish(states)).isEqualTo(reference);
            }
        }
    }

    @Test
    void everyDetectionCarriesItsGuardDutyType() {
        ApiThreatDetections d = new ApiThreatDetections(null, null, null);
        assertThat(d.detections()).hasSize(7).allSatisfy(x -> {
            assertThat(x.id()).matches("vigil-intel-[a-z0-9-]+");
            assertThat(x.types()).singleElement().asString().contains(":IAMUser/");
            assertThat(x.attack()).isNotEmpty();
            assertThat(x.description()).hasSizeGreaterThan(80);
        });
    }
}
