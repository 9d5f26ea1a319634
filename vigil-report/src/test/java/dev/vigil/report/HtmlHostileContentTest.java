package dev.vigil.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Evidence;
import dev.vigil.model.Finding;
import dev.vigil.model.Problem;
import dev.vigil.model.ScanSummary;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every string the report shows from a log, a rule or the user is hostile; none of it may act as markup. */
class HtmlHostileContentTest {

    private static final String H = Hostile.EVERYTHING;

    private static Page hostilePage() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode record = json.createObjectNode();
        record.put("eventID", H);
        record.put("eventTime", "2024-07-31T13:06:24Z");
        record.put("eventName", H);
        record.put("eventSource", H);
        record.put("sourceIPAddress", H);
        record.put("userAgent", H);
        record.put("errorCode", H);
        record.putObject("requestParameters").put(H, H).put("policy", Hostile.SCRIPT);
        String raw;
        try {
            raw = json.writeValueAsString(record);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // Jackson escapes control characters in JSON; a reader can still hand over raw text that is not JSON.
        String notJson = "{\"userAgent\": \"" + H + "\", \"broken\": ";
        Instant t = Instant.parse("2024-07-31T13:06:24Z");
        Finding f = Fixtures.finding(H, H, Severity.CRITICAL).description(H).attack(H, "T1078").types(H)
                .key(H, H).account(H).region(H).principal(H).resource(H)
                .evidence(List.of(new Evidence(H, t, H, raw), new Evidence(H, t.plusSeconds(1), H, notJson)))
                .count(99).build();
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put(H, Path.of("out", Hostile.SCRIPT + Hostile.ATTRIBUTE_BREAKOUT));
        ScanSummary summary = new ScanSummary(t, Duration.ofSeconds(3), List.of(H), 3, Map.of(H, 3L), 10, 100,
                1, 1, Map.of(H, 2L), List.of(new Problem(H, H, H)), 1);
        return Page.render(new ReportContext(H, Fixtures.GENERATED, List.of(H), outputs), List.of(f), summary);
    }

    @Test
    void pageIsPrintableAsciiSoNoControlBidiOrInvisibleCharacterSurvives() {
        String html = hostilePage().html;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            boolean ok = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t';
            assertThat(ok).as("character U+%04X at %d", (int) c, i).isTrue();
        }
    }

    @Test
    void noPayloadBecomesAnElementAttributeOrUrl() {
        Page page = hostilePage();

        assertThat(page.all("//script | //img | //iframe | //object | //embed | //link | //base | //form")).isEmpty();
        assertThat(page.all("//style")).hasSize(1);
        assertThat(page.attributeValues("//@*[starts-with(name(), 'on')]")).isEmpty();
        assertThat(page.attributeValues("//@*")).noneMatch(v -> v.toLowerCase().contains("javascript"));
        assertThat(page.attributeValues("//@href")).allSatisfy(href -> assertThat(href)
                .matches("#f-[0-9a-f]{32}|#(summary|timeline|findings|details|skipped)"
                        + "|https://attack\\.mitre\\.org/techniques/T1078/"));
        assertThat(page.attributeValues("//@id")).allSatisfy(id -> assertThat(id).matches("[a-z0-9-]+"));
        // The markup the payloads would have produced never appears as markup.
        assertThat(page.html).doesNotContain("<script", "<img", "<iframe", "onerror=alert(1)>", "</pre></details></article>");
        assertThat(page.html).doesNotContain("\u202E", "\u0000", "\u001B", "\u009B", "\uD800", "\u200B", "`");
    }

    @Test
    void payloadsAreShownAsTextWithHiddenCharactersMadeVisible() {
        Page page = hostilePage();
        String shown = TerminalText.sanitize(H);

        assertThat(page.text("//h1")).isEqualTo(shown);
        assertThat(page.text("/html/head/title")).isEqualTo(shown);
        assertThat(page.text("//article//h3")).isEqualTo(shown);
        assertThat(page.text("//article//p[@class='desc']")).isEqualTo(shown);
        assertThat(page.text("//table[@class='evidence']/tbody/tr[1]/td[6]"))
                .isEqualTo(TerminalText.sanitize(Clip.clip(H, 300)));
        assertThat(page.text("//table[@class='problems']/tbody/tr/td[3]")).isEqualTo(shown);
        assertThat(page.texts("//span[@class='ctl']")).contains("\\u202E", "\\u0000", "\\u001B", "\\u009B",
                "\\uD800", "\\u200B", "\\uFEFF", "\\u2066", "\\u000A", "\\u000D");
        // Text that merely looks escaped stays literal rather than being decoded into markup.
        assertThat(page.text("//h1")).contains("&lt;script&gt;");
    }

    @Test
    void rawRecordsKeepTheirContentAndInvalidJsonIsLabelled() {
        Page page = hostilePage();
        List<String> pres = page.texts("//details[@class='raw']/pre");

        assertThat(pres).hasSize(2);
        assertThat(pres.get(0)).contains("\"userAgent\": \"" + Hostile.SCRIPT)
                .contains("\\u0000")  // Jackson's own JSON escape of NUL
                .contains("\\u202E"); // shown as a visible escape, still valid JSON
        assertThat(pres.get(1)).startsWith("{\"userAgent\": \"" + Hostile.SCRIPT);
        assertThat(page.texts("//details[@class='raw']/summary/strong"))
                .containsExactly("not valid JSON, shown as read");
    }

    @Test
    void extractedFieldsOfUnexpectedTypesAreShownAsJson() {
        EvidenceFields fields = EvidenceFields.of("{\"eventName\":{\"a\":\"<b>\"},\"userAgent\":[1,2],"
                + "\"sourceIPAddress\":null}");
        assertThat(fields.json()).isTrue();
        assertThat(fields.eventName()).isEqualTo("{\"a\":\"<b>\"}");
        assertThat(fields.userAgent()).isEqualTo("[1,2]");
        assertThat(fields.sourceIpAddress()).isEmpty();
        assertThat(EvidenceFields.of("[1]").json()).isFalse();
        assertThat(EvidenceFields.of("nope").json()).isFalse();
        assertThat(EvidenceFields.of("[".repeat(5_000)).json()).isFalse();
    }

    @Test
    void hugeValuesAreClippedInCellsButTheRawRecordSaysWhereTheRestIs() {
        String longAgent = "A".repeat(10_000);
        String raw = "{\"eventName\":\"GetObject\",\"userAgent\":\"" + longAgent + "\",\"pad\":\""
                + "x".repeat(80_000) + "\"}";
        Finding f = Fixtures.finding("r", "big", Severity.LOW)
                .evidence(List.of(new Evidence("e1", Instant.parse("2024-07-31T13:06:24Z"), "big.json#record 1", raw)))
                .build();
        Page page = Page.render(List.of(f), null);

        assertThat(page.text("//table[@class='evidence']/tbody/tr/td[6]"))
                .hasSizeLessThan(400).endsWith("(9,700 more characters)");
        assertThat(page.text("//details[@class='raw']/pre")).hasSize(EvidenceBudget.MAX_RAW_CHARS + 1);
        assertThat(page.text("//details[@class='raw']/p")).startsWith("Cut here: ")
                .endsWith("more characters are in the source at big.json#record 1.");
    }
}
