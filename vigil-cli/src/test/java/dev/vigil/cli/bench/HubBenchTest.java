package dev.vigil.cli.bench;

import dev.vigil.formats.findings.FindingFileReader;
import dev.vigil.formats.findings.FindingFormat;
import dev.vigil.formats.findings.IncomingFinding;
import dev.vigil.hub.FindingQuery;
import dev.vigil.hub.FindingStore;
import dev.vigil.hub.StoredFinding;
import dev.vigil.model.Problem;
import dev.vigil.model.RecordState;
import dev.vigil.model.Severity;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the hub benchmark working at tiny sizes: populate, query and the ASFF file, through {@link HubBench#run}. */
class HubBenchTest {

    @TempDir
    Path tmp;

    @Test
    void generatesTheSameDistinctFindingsForTheSameSeed() {
        SyntheticFindings a = new SyntheticFindings(7);
        SyntheticFindings b = new SyntheticFindings(7);
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < 2_000; i++) {
            assertThat(a.finding(i)).isEqualTo(b.finding(i));
            ids.add(a.finding(i).finding().id());
        }
        assertThat(ids).hasSize(2_000);
        assertThat(new SyntheticFindings(8).finding(0)).isNotEqualTo(a.finding(0));
    }

    @Test
    void theMixHasTheVarietyTheQueriesFilterOn() {
        SyntheticFindings g = new SyntheticFindings(7);
        int vigil = 0;
        int low = 0;
        int critical = 0;
        Set<String> products = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        Set<String> regions = new HashSet<>();
        Set<Workflow> workflows = new HashSet<>();
        for (long i = 0; i < 5_000; i++) {
            SyntheticFinding s = g.finding(i);
            vigil += s.isVigil() ? 1 : 0;
            low += s.finding().severity() == Severity.LOW ? 1 : 0;
            critical += s.finding().severity() == Severity.CRITICAL ? 1 : 0;
            products.add(s.origin().product());
            accounts.add(s.finding().account());
            regions.add(s.finding().region());
            workflows.add(s.workflow());
            assertThat(s.risk()).isBetween(0, 100);
            assertThat(s.finding().lastSeen()).isAfterOrEqualTo(s.finding().firstSeen())
                    .isBeforeOrEqualTo(BenchCatalog.DATA_END);
        }
        assertThat(vigil).isBetween(2_800, 3_200);
        assertThat(low).isGreaterThan(critical * 4);
        assertThat(products).containsExactlyInAnyOrder("Vigil", "GuardDuty", "Security Hub", "Inspector");
        assertThat(accounts).hasSize(20);
        assertThat(regions).hasSize(6);
        assertThat(workflows).containsExactlyInAnyOrder(Workflow.values());
    }

    @Test
    void populatesAStoreThatTheListQueriesFind() {
        Path ws = tmp.resolve("ws");
        Run populate = run("populate", ws.toString(), "600", "--batch", "250");
        assertThat(populate.status).as(populate.err).isZero();
        assertThat(populate.out).contains("populated 600 findings");

        SyntheticFindings g = new SyntheticFindings(HubBench.DEFAULT_SEED);
        try (FindingStore store = FindingStore.open(ws)) {
            assertThat(store.count(FindingQuery.all().withRecordState(null))).isEqualTo(600);
            for (long i : new long[]{0, 299, 599}) {
                SyntheticFinding s = g.finding(i);
                StoredFinding stored = store.get(s.finding().id()).orElseThrow();
                assertThat(stored.workflow()).isEqualTo(s.workflow());
                assertThat(stored.recordState()).isEqualTo(s.recordState());
                assertThat(stored.risk()).isEqualTo(s.risk());
                assertThat(stored.origin().product()).isEqualTo(s.origin().product());
            }
            assertThat(store.count(FindingQuery.all().withRecordState(RecordState.ARCHIVED))).isPositive();
            assertThat(store.count(FindingQuery.all().withProduct("GuardDuty"))).isPositive();
            for (BenchQueries.Case c : BenchQueries.all()) {
                if (!c.arguments().contains("--since 30d")) { // the combined filter may match none at this size
                    assertThat(store.count(c.query().withoutLimit())).as(c.arguments()).isPositive();
                }
            }
        }

        Run again = run("populate", ws.toString(), "10");
        assertThat(again.status).isEqualTo(1);
        assertThat(again.err).contains("already holds 600 findings");

        Run query = run("query", ws.toString(), "--runs", "1", "--warmup", "0");
        assertThat(query.status).as(query.err).isZero();
        assertThat(query.out).contains("600 findings").contains("| query | matching | page |");
        List<String> rows = query.out.lines().filter(l -> l.startsWith("| `findings list")).toList();
        assertThat(rows).hasSize(BenchQueries.all().size());
        assertThat(rows.get(0)).startsWith("| `findings list` | ");
    }

    @Test
    void writesAsffThatTheImportReaderReadsWithoutProblems() throws Exception {
        Path file = tmp.resolve("out/findings.jsonl");
        Run asff = run("asff", file.toString(), "250");
        assertThat(asff.status).as(asff.err).isZero();
        assertThat(asff.out).contains("wrote 250 ASFF findings (0 left out) in 3 batches");
        assertThat(Files.readAllLines(file)).hasSize(3).allMatch(l -> l.startsWith("{\"Findings\":["));

        List<IncomingFinding> read = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        FindingFileReader.Result r = new FindingFileReader(FindingFileReader.Limits.DEFAULT, new LongAdder())
                .read(file, file.toString(), read::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(r.findings()).isEqualTo(250);
        assertThat(r.skipped()).isZero();
        assertThat(r.formats()).containsExactly(FindingFormat.ASFF);
        SyntheticFinding first = new SyntheticFindings(HubBench.DEFAULT_SEED).finding(0);
        assertThat(read.get(0).origin().productFindingId()).isEqualTo(first.finding().id());
        assertThat(read.get(0).finding().account()).isEqualTo(first.finding().account());
        assertThat(read.stream().map(f -> f.finding().id()).distinct()).hasSize(250);
    }

    @Test
    void gzipsWhenTheNameSaysSo() throws Exception {
        Path file = tmp.resolve("findings.jsonl.gz");
        assertThat(run("asff", file.toString(), "120").status).isZero();
        List<IncomingFinding> read = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        new FindingFileReader(FindingFileReader.Limits.DEFAULT, new LongAdder())
                .read(file, file.toString(), read::add, problems::add);
        assertThat(problems).isEmpty();
        assertThat(read).hasSize(120);
    }

    @Test
    void refusesWrongArgumentsSayingWhatIsWrong() {
        assertThat(run().status).isEqualTo(2);
        Run unknown = run("populate", tmp.resolve("x").toString(), "10", "--runs", "3");
        assertThat(unknown.status).isEqualTo(2);
        assertThat(unknown.err).contains("'populate' has no option --runs").contains("usage:");
        assertThat(run("populate", tmp.resolve("x").toString(), "ten").err).contains("N must be a whole number");
        assertThat(run("query", tmp.resolve("missing").toString()).err).contains("no workspace at");
        assertThat(run("query", tmp.toString(), "--runs", "0").err).contains("--runs must be 1 to 1000");
        assertThat(Files.exists(tmp.resolve("missing"))).isFalse();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = HubBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
