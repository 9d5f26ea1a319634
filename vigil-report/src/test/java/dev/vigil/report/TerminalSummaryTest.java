package dev.vigil.report;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.ScanSummary;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalSummaryTest {

    private static final Pattern SGR = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final List<Finding> FINDINGS = Fixtures.realistic();

    private static ReportContext ctx() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("HTML report", Path.of("out/report.html"));
        outputs.put("Findings (OCSF)", Path.of("out/findings.ocsf.json"));
        return new ReportContext("Vigil scan", Fixtures.GENERATED, List.of("s3-export/AWSLogs/"), outputs);
    }

    @Test
    void summarisesFindingsReadSkippedAndOutputs() {
        String out = TerminalSummary.render(ctx(), FINDINGS, Fixtures.completeSummary(), false, 120);

        assertThat(out).startsWith("Vigil scan\nGenerated 2024-08-01 09:30:00 UTC \u00B7 scanned s3-export/AWSLogs/\n");
        assertThat(out).contains("\nFindings  7\n  CRITICAL  1\n  HIGH      2\n  MEDIUM    2\n  LOW       1\n  INFO      1\n");
        assertThat(out).contains("\nRead\n  Files        35 (cloudtrail 33, cloudtrail-digest 2)\n"
                + "  Records      310\n  Data         547.1 KiB\n  Elapsed      4.3 s (73 records/s)\n"
                + "  Peak memory  512.0 MiB\n");
        assertThat(out).contains("\nSkipped  nothing: every file and record found was read\n");
        assertThat(out).contains("\nOutputs\n  HTML report      out/report.html\n  Findings (OCSF)  out/findings.ocsf.json\n");
        assertThat(out).doesNotContain("PARTIAL").doesNotContain("\u001B").endsWith("\n");
    }

    @Test
    void topFindingsAreMostSevereFirstWithTheirFacts() {
        String out = TerminalSummary.render(ctx(), FINDINGS, Fixtures.completeSummary(), false, 160);
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("  SEVERITY")).findFirst().orElseThrow());

        assertThat(lines.get(header)).contains("TITLE", "PRINCIPAL", "ACCOUNT/REGION", "COUNT");
        List<String> rows = lines.subList(header + 1, header + 1 + FINDINGS.size());
        assertThat(rows).extracting(l -> l.substring(2, 10).trim())
                .containsExactly("CRITICAL", "HIGH", "HIGH", "MEDIUM", "MEDIUM", "LOW", "INFO");
        assertThat(rows.get(0)).contains("CloudTrail trail deleted", "arn:aws:iam::847129010505:user/christophe",
                "847129010505/megov-westwest-1r").endsWith(" 1");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("Many Secrets Manager").endsWith("1,234"));
    }

    @Test
    void listsAtMostTenTopFindingsAndSaysHowManyThereAre() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(Fixtures.finding("r" + i, "finding " + i, Severity.LOW).key("i", "" + i).build());
        }
        String out = TerminalSummary.render(ctx(), many, null, false, 100);

        assertThat(out).contains("Top findings  (10 of 25, most severe first)");
        assertThat(out.lines().filter(l -> l.startsWith("  LOW ") && l.contains("finding "))).hasSize(10);
        assertThat(out).contains("Read  not known: no scan summary was supplied");
    }

    @Test
    void partialRunIsAnnouncedBeforeAnythingElseAndExplained() {
        String out = TerminalSummary.render(ctx(), FINDINGS, Fixtures.partialSummary(), false, 120);

        assertThat(out.lines().skip(3).findFirst().orElseThrow())
                .isEqualTo("PARTIAL RESULTS: 2 files and 12 records were skipped; findings may be missing "
                        + "(see Skipped below).");
        assertThat(out).contains("\nSkipped\n  Files        2\n  Records      12\n  Reasons\n"
                + "    9  invalid-json\n    3  missing-eventTime\n    2  truncated-gzip\n"
                + "  First problems (2 of 14)\n"
                + "    AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/a.json.gz#byte 4096  [truncated-gzip]\n"
                + "      The gzip stream ends early; re-download the object.\n");
        assertThat(out).contains("Peak memory  not reported by this platform");
    }

    @Test
    void partialBannerWrapsInsteadOfBeingCut() {
        String out = TerminalSummary.render(ctx(), FINDINGS, Fixtures.partialSummary(), false, 40);

        String banner = String.join(" ", out.lines().skip(3).limit(3).toList());
        assertThat(banner).isEqualTo("PARTIAL RESULTS: 2 files and 12 records were skipped; findings may be "
                + "missing (see Skipped below).");
    }

    @Test
    void emptyFindingsSayNone() {
        String out = TerminalSummary.render(ctx(), List.of(), Fixtures.completeSummary(), false, 80);

        assertThat(out).contains("\nFindings  none\n").doesNotContain("Top findings");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 40, 59, 79, 80, 100, 132, 250})
    void noLineIsWiderThanTheTerminal(int width) {
        for (boolean colour : new boolean[]{false, true}) {
            String out = TerminalSummary.render(hostileCtx(), hostileFindings(), hostileSummary(), colour, width);
            int limit = Math.max(TerminalSummary.MIN_WIDTH, width);
            out.lines().forEach(line -> assertThat(TerminalText.width(SGR.matcher(line).replaceAll("")))
                    .as("line '%s' at width %d", line, width).isLessThanOrEqualTo(limit));
        }
    }

    @Test
    void colourChangesNothingButTheColourCodes() {
        String plain = TerminalSummary.render(ctx(), FINDINGS, Fixtures.partialSummary(), false, 100);
        String coloured = TerminalSummary.render(ctx(), FINDINGS, Fixtures.partialSummary(), true, 100);

        assertThat(coloured).contains("\u001B[1;97;41mCRITICAL\u001B[0m", "\u001B[1;33mPARTIAL RESULTS:\u001B[0m");
        assertThat(SGR.matcher(coloured).replaceAll("").lines().map(String::stripTrailing).toList())
                .isEqualTo(plain.lines().toList());
    }

    @Test
    void hostileDataCannotEmitControlCharactersOrEscapes() {
        for (boolean colour : new boolean[]{false, true}) {
            String out = TerminalSummary.render(hostileCtx(), hostileFindings(), hostileSummary(), colour, 400);
            String withoutOurColours = SGR.matcher(out).replaceAll("");

            withoutOurColours.codePoints().forEach(c -> {
                boolean control = (c < 0x20 && c != '\n') || (c >= 0x7F && c < 0xA0)
                        || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE;
                assertThat(control).as("U+%04X in output", c).isFalse();
            });
            if (colour) {
                // every ESC the output has starts one of our own SGR sequences
                assertThat(out.split("\u001B", -1).length - 1)
                        .isEqualTo((int) SGR.matcher(out).results().count());
            }
            assertThat(withoutOurColours).contains("\\u001B[31mRED", "invoice\\u202Egpj.exe", "nul\\u0000byte",
                    "line1\\u000D\\u000AFAKE: no findings\\u000A");
            // a line of the output is never one forged by data
            assertThat(withoutOurColours.lines()).noneMatch(l -> l.startsWith("FAKE"));
        }
    }

    @Test
    void longArnsKeepTheirUserOrRoleName() {
        Finding f = Fixtures.finding("r", "t", Severity.HIGH).account("123456789012").region("us-east-1")
                .principal("arn:aws:sts::123456789012:assumed-role/OrganizationAccountAccessRole/i-0abc").build();
        String out = TerminalSummary.render(ctx(), List.of(f), null, false, 100);

        assertThat(out).contains("\u2026assumed-role/OrganizationAccountAccessRole/i-0abc");
        assertThat(TerminalSummary.principal("arn:aws:iam::1:user/" + "x".repeat(80), 20))
                .hasSize(20).startsWith("user/").endsWith("xxxx").contains("\u2026");
        assertThat(TerminalSummary.principal("short", 20)).isEqualTo("short");
    }

    private static ReportContext hostileCtx() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put(Hostile.EVERYTHING, Path.of("out", "x" + Hostile.BIDI + Hostile.ANSI));
        return new ReportContext(Hostile.EVERYTHING, Fixtures.GENERATED, List.of(Hostile.EVERYTHING), outputs);
    }

    private static List<Finding> hostileFindings() {
        String h = Hostile.EVERYTHING;
        Evidence e = new Evidence(h, Instant.parse("2024-07-31T13:06:24Z"), h, "{\"userAgent\":\"x\"}");
        List<Finding> out = new ArrayList<>();
        for (Severity s : Severity.values()) {
            out.add(Fixtures.finding(h + s, h, s).account(h).region(h).principal(h).resource(h).key(h, h)
                    .evidence(List.of(e)).count(Long.MAX_VALUE).build());
            out.add(Fixtures.finding(s + "\u65E5\u672C", "\u65E5\u672C\u8A9E".repeat(60), s)
                    .principal("\uD83D\uDD12".repeat(80)).account("123456789012").region("ap-northeast-1").build());
        }
        return out;
    }

    private static ScanSummary hostileSummary() {
        String h = Hostile.EVERYTHING;
        return new ScanSummary(Fixtures.GENERATED, Duration.ofHours(30), List.of(h), Long.MAX_VALUE,
                Map.of(h, 1L, "\u65E5\u672C".repeat(50), 2L), Long.MAX_VALUE, Long.MAX_VALUE, 1, 1,
                Map.of(h, 1L), List.of(new Problem(h, h, h), new Problem(h + "2", h, h)), Long.MAX_VALUE);
    }
}
