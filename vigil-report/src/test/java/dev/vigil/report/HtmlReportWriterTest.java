package dev.vigil.report;

import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {

    private static final List<Finding> FINDINGS = Fixtures.realistic();

    @Test
    void pageHasEverySectionAndAStrictContentSecurityPolicy() {
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        assertThat(page.html).startsWith("<!DOCTYPE html>\n");
        assertThat(page.attributeValues("//meta[@http-equiv='Content-Security-Policy']/@content"))
                .containsExactly("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                        + "form-action 'none'");
        for (String id : List.of("summary", "timeline", "findings", "details", "skipped", "read")) {
            assertThat(page.all("//*[@id='" + id + "']")).as("section " + id).hasSize(1);
        }
        assertThat(page.text("/html/head/title")).isEqualTo("Vigil scan");
        assertThat(page.text("//h1")).isEqualTo("Vigil scan");
        assertThat(page.text("//*[@id='generated-at']")).isEqualTo("2024-08-01 09:30:00 UTC");
        assertThat(page.texts("//header[@class='top']//span[@class='inputs']/b")).containsExactly("s3-export/AWSLogs/");
        assertThat(page.all("//svg[@class='timeline']//rect")).isNotEmpty();
    }

    @Test
    void loadsNothingAndLinksOnlyToItselfOrAttackTechniques() {
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        assertThat(page.all("//script | //link | //iframe | //object | //embed | //img | //form | //base")).isEmpty();
        assertThat(page.attributeValues("//@src | //@srcset | //@action | //@formaction")).isEmpty();
        assertThat(page.attributeValues("//@href"))
                .isNotEmpty()
                .allSatisfy(href -> assertThat(href).matches(
                        "#f-[0-9a-f]+(-\\d+)?|#(summary|timeline|findings|details|skipped)"
                                + "|https://attack\\.mitre\\.org/techniques/T\\d{4}(/\\d{3})?/"));
        assertThat(page.attributeValues("//@style")).allSatisfy(s -> assertThat(s).matches("width:[0-9.]+%"));
    }

    @Test
    void everyInternalLinkLandsOnAnElement() {
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        List<String> targets = page.attributeValues("//a[starts-with(@href,'#')]/@href");
        assertThat(targets).hasSizeGreaterThan(FINDINGS.size());
        for (String t : targets) {
            assertThat(page.all("//*[@id='" + t.substring(1) + "']")).as(t).hasSize(1);
        }
    }

    @Test
    void severityCountsAreCorrect() {
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        assertThat(page.text("//td[@data-severity='critical']")).isEqualTo("1");
        assertThat(page.text("//td[@data-severity='high']")).isEqualTo("2");
        assertThat(page.text("//td[@data-severity='medium']")).isEqualTo("2");
        assertThat(page.text("//td[@data-severity='low']")).isEqualTo("1");
        assertThat(page.text("//td[@data-severity='informational']")).isEqualTo("1");
        assertThat(page.text("//*[@id='total-findings']")).isEqualTo("7");
    }

    @Test
    void findingsAreOrderedMostSevereFirstThenByFirstSeen() {
        Instant t0 = Instant.parse("2024-07-31T10:00:00Z");
        List<Finding> findings = List.of(
                Fixtures.finding("r-low", "low early", Severity.LOW).seen(t0, t0).build(),
                Fixtures.finding("r-high-late", "high late", Severity.HIGH).seen(t0.plusSeconds(60), t0.plusSeconds(60)).build(),
                Fixtures.finding("r-crit", "critical", Severity.CRITICAL).seen(t0.plusSeconds(30), t0.plusSeconds(90)).build(),
                Fixtures.finding("r-high-early", "high early", Severity.HIGH).seen(t0, t0).build());

        Page page = Page.render(findings, Fixtures.completeSummary());

        assertThat(page.texts("//table[@class='findings']/tbody/tr/td[3]/a"))
                .containsExactly("critical", "high early", "high late", "low early");
        assertThat(page.texts("//article//h3")).containsExactly("critical", "high early", "high late", "low early");
    }

    @Test
    void tableRowShowsTheFindingsFacts() {
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        Element row = page.all("//table[@class='findings']/tbody/tr[td[3]/a='CloudTrail trail deleted']").get(0);
        assertThat(row.getTextContent())
                .contains("Critical", "arn:aws:iam::", "2024-");
        List<String> cells = page.texts("//table[@class='findings']/tbody/tr[1]/td");
        assertThat(cells).hasSize(9);
        assertThat(cells.get(1)).isEqualTo("Critical");
        assertThat(cells.get(2)).isEqualTo("CloudTrail trail deleted");
    }

    @Test
    void detailShowsRuleAttackTypesKeysAndEveryTriggeringRecordWithItsEventId() {
        Finding stop = FINDINGS.get(0);
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        String anchor = "f-" + stop.id();
        String article = "//article[@id='" + anchor + "']";
        assertThat(page.text(article + "//dd[contains(@class,'rule-id')]")).isEqualTo("vigil-ct-stop");
        assertThat(page.attributeValues(article + "//dd[@class='attack']/a/@href"))
                .containsExactly("https://attack.mitre.org/techniques/T1562/008/");
        assertThat(page.text(article + "//dd[@class='attack']")).isEqualTo("T1562.008");
        assertThat(page.texts(article + "//table[@class='keys']/tbody/tr/td[1]"))
                .containsExactly("userIdentity.arn", "recipientAccountId");
        assertThat(page.text(article + "//p[@class='desc']")).isEqualTo(stop.rule().description());
        assertThat(page.texts(article + "//span[contains(@class,'event-id')]"))
                .containsExactlyElementsOf(stop.evidence().stream().map(Evidence::eventId).toList());
        assertThat(page.texts(article + "//table[@class='evidence']/tbody/tr/td[4]"))
                .allSatisfy(name -> assertThat(name).startsWith("StopLogging"));
        assertThat(page.texts(article + "//table[@class='evidence']/tbody/tr/td[5]")).containsOnly("86.245.153.234");
        assertThat(page.texts(article + "//details[@class='raw']/summary/span[contains(@class,'origin')]"))
                .containsExactly("stratus-detonations/aws.defense-evasion.cloudtrail-stop.json#record 1");
        assertThat(page.text(article + "//details[@class='raw']/pre"))
                .contains("\n  \"eventName\": \"StopLogging\",\n")
                .contains("\"userIdentity\": {\n    \"accessKeyId\"");
        assertThat(page.all(article + "//p[contains(@class,'showing')]")).as("nothing capped").isEmpty();
    }

    @Test
    void saysShowingNofMWhenTheFindingCountedMoreRecordsThanItKept() {
        Finding secrets = FINDINGS.get(3);
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        String note = page.text("//article[@id='f-" + secrets.id() + "']//p[contains(@class,'showing')]");
        assertThat(note).startsWith("Showing " + secrets.evidence().size() + " of 1,234 records.");
        assertThat(page.all("//article[@id='f-" + secrets.id() + "']//table[@class='evidence']/tbody/tr"))
                .hasSize(secrets.evidence().size());
    }

    @Test
    void longEvidenceTablesFoldAfterTheFirstRows() {
        List<Evidence> evidence = Fixtures.stratusEvidence("aws.execution.ssm-send-command").subList(0, 50);
        Finding f = Fixtures.finding("r", "ssm", Severity.HIGH).evidence(evidence).count(56).build();
        Page page = Page.render(List.of(f), null);

        String article = "/html/body/main/section[@id='details']/article";
        assertThat(page.all(article + "/div[@class='list']/table[@class='evidence']/tbody/tr"))
                .hasSize(FindingDetail.VISIBLE_ROWS);
        assertThat(page.text(article + "/details[@class='more']/summary")).isEqualTo("Show 40 more records");
        assertThat(page.all(article + "/details[@class='more']//table[@class='evidence']/tbody/tr")).hasSize(40);
        assertThat(page.text(article + "/p[contains(@class,'showing')]"))
                .isEqualTo("Showing 50 of 56 records. A finding keeps at most 50 records whole; all 56 were counted.");
        assertThat(page.texts(article + "//span[contains(@class,'event-id')]"))
                .containsExactlyElementsOf(evidence.stream().map(Evidence::eventId).toList());
    }

    @Test
    void errorCodeColumnAppearsOnlyWhenARecordHasOne() {
        Finding failing = Fixtures.fromTechnique("aws.credential-access.ec2-get-password-data", "r-pw",
                "Password data requested for many instances", Severity.HIGH, "T1552").build();
        Page page = Page.render(List.of(FINDINGS.get(0), failing), null);

        String withErrors = "//article[@id='f-" + failing.id() + "']";
        assertThat(page.texts(withErrors + "//table[@class='evidence'][1]/thead/tr/th")).contains("errorCode");
        assertThat(page.texts(withErrors + "//td[contains(@class,'error')]")).contains("Client.UnauthorizedOperation");
        assertThat(page.texts("//article[@id='f-" + FINDINGS.get(0).id() + "']//table[@class='evidence']/thead/tr/th"))
                .doesNotContain("errorCode");
    }

    @Test
    void capsEvidenceRowsAndRawRecordsPerFindingWhenFindingsAreMany() {
        List<Evidence> evidence = Fixtures.stratusEvidence("aws.execution.ssm-send-command").subList(0, 50);
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(Fixtures.finding("r-" + i, "finding " + i, Severity.MEDIUM).key("n", "" + i)
                    .evidence(evidence).count(56).build());
        }

        Page page = Page.render(many, Fixtures.completeSummary());

        EvidenceBudget budget = EvidenceBudget.forFindings(400);
        assertThat(budget.rowsPerFinding()).isEqualTo(25);
        assertThat(budget.rawPerFinding()).isEqualTo(2);
        // Anchored path: a descendant search over 400 articles is slow in the JDK's XPath.
        String first = "/html/body/main/section[@id='details']/article[@id='f-"
                + many.stream().sorted(FindingOrder.MOST_SEVERE_FIRST).findFirst().orElseThrow().id() + "']";
        assertThat(page.all(first + "//table[@class='evidence']/tbody/tr")).hasSize(25);
        assertThat(page.all(first + "//details[@class='raw']")).hasSize(2);
        assertThat(page.text(first + "//p[contains(@class,'showing')]"))
                .startsWith("Showing 25 of 56 records.")
                .contains("keeps at most 50")
                .contains("the findings file holds all 50 kept");
        assertThat(page.all("/html/body/main/section[@id='details']/article")).hasSize(400);
    }

    @Test
    void partialRunIsAnnouncedAboveTheSummaryWithReasonsAndFirstProblems() {
        Page page = Page.render(FINDINGS, Fixtures.partialSummary());

        assertThat(page.text("//*[@id='partial-banner']"))
                .isEqualTo("Partial results. 2 files and 12 records were skipped, so findings may be missing. "
                        + "See What was skipped for the reasons and where.");
        assertThat(page.html.indexOf("partial-banner")).isLessThan(page.html.indexOf("id=\"summary\""));
        assertThat(page.text("//*[@id='skipped-files']")).isEqualTo("2");
        assertThat(page.text("//*[@id='skipped-records']")).isEqualTo("12");
        assertThat(page.texts("//table[@class='reasons']/tbody/tr/td[1]"))
                .containsExactly("invalid-json", "missing-eventTime", "truncated-gzip");
        assertThat(page.texts("//table[@class='reasons']/tbody/tr/td[2]")).containsExactly("9", "3", "2");
        assertThat(page.texts("//table[@class='problems']/tbody/tr/td[1]")).containsExactly(
                "AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/a.json.gz#byte 4096",
                "AWSLogs/111122223333/CloudTrail/us-east-1/2024/07/31/b.json.gz#record 12");
        assertThat(page.html).contains("The first 2 of 14 problems, in the order they were met.");
        assertThat(page.text("//*[@id='read']//dl")).contains("not reported by this platform");
    }

    @Test
    void completeRunHasNoPartialBannerAndSaysNothingWasSkipped() {
        Page page = Page.render(FINDINGS, Fixtures.completeSummary());

        assertThat(page.all("//*[@id='partial-banner']")).isEmpty();
        assertThat(page.text("//*[@id='skipped']/p")).startsWith("Nothing was skipped");
        String read = page.text("//*[@id='read']//dl");
        assertThat(read).contains("35 (cloudtrail 33, cloudtrail-digest 2)", "547.1 KiB", "(560,244 bytes)",
                "4.3 s", "73 records/s", "512.0 MiB");
    }

    @Test
    void emptyFindingsRenderAWholePage() {
        Page page = Page.render(List.of(), Fixtures.completeSummary());

        assertThat(page.text("//*[@id='total-findings']")).isEqualTo("0");
        assertThat(page.text("//*[@id='no-findings']")).startsWith("No findings");
        assertThat(page.all("//*[@id='details']")).isEmpty();
        assertThat(page.all("//svg")).isEmpty();
        assertThat(page.text("//*[@id='timeline']/p")).startsWith("No findings with a usable event time");
    }

    @Test
    void missingScanSummaryIsStatedNotGuessed() {
        Page page = Page.render(FINDINGS, null);

        assertThat(page.text("//*[@id='read']/p")).startsWith("No scan summary was supplied");
        assertThat(page.text("//*[@id='skipped']/p")).startsWith("Not known");
        assertThat(page.all("//*[@id='partial-banner']")).isEmpty();
    }

    @Test
    void listsTheRunsOutputsInTheGivenOrder() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("Findings (OCSF)", Path.of("out/findings.ocsf.json"));
        outputs.put("HTML report", Path.of("out/report.html"));
        Page page = Page.render(new ReportContext("Vigil scan", Fixtures.GENERATED, List.of("logs"), outputs),
                FINDINGS, Fixtures.completeSummary());

        assertThat(page.text("//footer/p[1]"))
                .isEqualTo("Outputs of this run: Findings (OCSF) out/findings.ocsf.json; HTML report out/report.html.");
    }

    @Test
    void onlyWellFormedTechniqueIdsBecomeLinks() {
        Finding f = Fixtures.finding("r", "t", Severity.LOW).attack("T1078", "T1562.008", "T99", "TA0005").build();
        Page page = Page.render(List.of(f), null);

        assertThat(page.attributeValues("//dd[@class='attack']/a/@href")).containsExactly(
                "https://attack.mitre.org/techniques/T1078/", "https://attack.mitre.org/techniques/T1562/008/");
        assertThat(page.text("//dd[@class='attack']")).isEqualTo("T1078, T1562.008, T99, TA0005");
    }

    @Test
    void repeatedAndNonHexFindingIdsStillGetUniqueSafeAnchors() {
        Finding a = Fixtures.finding("r1", "a", Severity.LOW).id("abc").build();
        Finding b = Fixtures.finding("r2", "b", Severity.LOW).id("abc").build();
        Finding c = Fixtures.finding("r3", "c", Severity.LOW).id("not hex \"><x").build();
        Page page = Page.render(List.of(a, b, c), null);

        List<String> ids = page.attributeValues("//article/@id");
        assertThat(ids).containsExactly("f-abc", "f-abc-2", ids.get(2)).doesNotHaveDuplicates();
        assertThat(ids.get(2)).matches("f-[0-9a-f]{32}");
    }

    @Test
    void undatedEvidenceAndFindingsSayUnknown() {
        Evidence undated = new Evidence("e-1", UtcTime.NO_TIME, "x.json#record 1", "{\"eventName\":\"X\"}");
        Finding f = Fixtures.finding("r", "undated", Severity.LOW).evidence(List.of(undated))
                .seen(UtcTime.NO_TIME, UtcTime.NO_TIME).build();
        Page page = Page.render(List.of(f), null);

        assertThat(page.text("//table[@class='evidence']/tbody/tr/td[2]")).isEqualTo("unknown");
        assertThat(page.text("//table[@class='findings']/tbody/tr/td[8]")).isEqualTo("unknown");
        assertThat(page.html).contains("1 finding has no usable event time and is not charted.");
    }

    @Test
    void flushesButDoesNotCloseTheCallersWriter() throws IOException {
        TrackingWriter out = new TrackingWriter();
        HtmlReportWriter.write(out, ReportContext.of("t", Fixtures.GENERATED, List.of()), FINDINGS, null);

        assertThat(out.flushed).isTrue();
        assertThat(out.closed).isFalse();
        assertThat(out.chars).isGreaterThan(10_000);
    }

    @Test
    void twoThousandFindingsWithFiftyRecordsEachStreamToABoundedFile() throws IOException {
        List<Evidence> evidence = Fixtures.stratusEvidence("aws.execution.ssm-send-command").subList(0, 50);
        List<Finding> many = new ArrayList<>();
        Severity[] severities = Severity.values();
        for (int i = 0; i < 2_000; i++) {
            many.add(Fixtures.finding("rule-" + (i % 40), "Finding number " + i, severities[i % severities.length])
                    .key("n", Integer.toString(i)).principal("arn:aws:iam::111122223333:user/u" + i)
                    .evidence(evidence).count(50 + i).build());
        }
        TrackingWriter out = new TrackingWriter();

        HtmlReportWriter.write(out, ReportContext.of("Large", Fixtures.GENERATED, List.of("big")), many,
                Fixtures.completeSummary());

        assertThat(out.articles).isEqualTo(2_000);
        assertThat(out.chars).isLessThan(40L * 1024 * 1024);
        assertThat(out.largestWrite).as("written in chunks, not as one string").isLessThan(256 * 1024);
        assertThat(out.tail()).endsWith("</html>\n");
    }

    @Test
    void beyondTheDetailLimitTheMostSevereAreListedAndTheCutIsStated() throws IOException {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i <= EvidenceBudget.MAX_DETAILED; i++) {
            many.add(Fixtures.finding("r" + i, "f" + i, i == EvidenceBudget.MAX_DETAILED ? Severity.CRITICAL : Severity.LOW)
                    .key("i", "" + i).build());
        }
        StringWriter out = new StringWriter();
        HtmlReportWriter.write(out, ReportContext.of("t", Fixtures.GENERATED, List.of()), many, null);
        String html = out.toString();

        assertThat(html).contains("<div class=\"banner capped\" id=\"capped-banner\">This report details the 2,000 "
                + "most severe of 2,001 findings");
        assertThat(html.split("<article ", -1)).hasSize(EvidenceBudget.MAX_DETAILED + 1);
        assertThat(html).contains(">f2000</h3>").as("the critical one is kept").contains("id=\"total-findings\"><strong>2,001<");
    }

    /** Counts what is written without keeping it, and remembers how it was used. */
    private static final class TrackingWriter extends Writer {
        long chars;
        int largestWrite;
        int articles;
        boolean flushed;
        boolean closed;
        private final StringBuilder window = new StringBuilder();

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
            largestWrite = Math.max(largestWrite, len);
            window.append(buf, off, len);
            String s = window.toString();
            int from = 0;
            int at;
            while ((at = s.indexOf("<article ", from)) >= 0) {
                articles++;
                from = at + 1;
            }
            // keep a short tail so a tag split across two writes is still counted once
            window.setLength(0);
            window.append(s, Math.max(from, s.length() - 16), s.length());
        }

        String tail() {
            return window.toString();
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void sameInputGivesTheSameBytes() {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        try {
            HtmlReportWriter.write(a, ReportContext.of("t", Fixtures.GENERATED, List.of()), FINDINGS,
                    Fixtures.partialSummary());
            HtmlReportWriter.write(b, ReportContext.of("t", Fixtures.GENERATED, List.of()), FINDINGS.reversed(),
                    Fixtures.partialSummary());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(a.toString()).isEqualTo(b.toString());
    }

    @Test
    void evidenceWhoseRawRecordWasNotKeptSaysWhereToFindIt() {
        dev.vigil.model.Evidence slim = new dev.vigil.model.Evidence("ev-slim-1", Instant.parse("2024-07-31T13:06:24Z"),
                "logs/a.json.gz#record 7", "");
        Finding f = Fixtures.finding("vigil-x", "Slim", dev.vigil.model.Severity.LOW)
                .evidence(List.of(slim)).build();
        Page page = Page.render(List.of(f), Fixtures.completeSummary());
        assertThat(page.html).contains("the raw record was not kept").contains("logs/a.json.gz#record 7")
                .doesNotContain("not valid JSON");
    }
}
