package dev.vigil.formats.findings;

import dev.vigil.model.RecordState;
import dev.vigil.model.Workflow;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFindingWriterTest {

    @Test
    void formulaTriggersArePrefixedWithAQuote() {
        assertThat(CsvFindingWriter.neutralise("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvFindingWriter.neutralise("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvFindingWriter.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvFindingWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvFindingWriter.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvFindingWriter.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvFindingWriter.neutralise("\uff1dHYPERLINK(\"x\")")).startsWith("'");
        // control characters are removed first, so they cannot hide a trigger
        assertThat(CsvFindingWriter.neutralise("\u0000\u0007=1")).isEqualTo("'=1");
        assertThat(CsvFindingWriter.neutralise("a\u001b[31mred\u009b")).isEqualTo("a[31mred");
        assertThat(CsvFindingWriter.neutralise("evil\u202etxt.exe")).isEqualTo("eviltxt.exe");
        // ordinary text is untouched
        assertThat(CsvFindingWriter.neutralise("arn:aws:iam::1:user/a=b")).isEqualTo("arn:aws:iam::1:user/a=b");
        assertThat(CsvFindingWriter.neutralise("")).isEmpty();
    }

    @Test
    void cellsAreQuotedPerRfc4180() {
        StringBuilder b = new StringBuilder();
        CsvFindingWriter.appendCell(b, "a,b");
        b.append('|');
        CsvFindingWriter.appendCell(b, "say \"hi\"");
        b.append('|');
        CsvFindingWriter.appendCell(b, "two\nlines");
        b.append('|');
        CsvFindingWriter.appendCell(b, "=1,2");
        assertThat(b.toString()).isEqualTo("\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"'=1,2\"");
    }

    @Test
    void oneHeaderRowAndOneRowPerFindingWithHostileText() throws Exception {
        ExportableFinding hostile = ExportFixtures.withText(ExportFixtures.vigil("h", "123456789012"),
                "=HYPERLINK(\"http://evil\",\"click\")", "line1\nline2, \"quoted\"",
                "@attacker", "-resource", "123456789012");
        StringWriter sw = new StringWriter();
        try (FindingExportWriter w = new CsvFindingWriter(sw)) {
            w.write(ExportFixtures.vigil("a", "123456789012"));
            w.write(hostile);
            w.write(ExportFixtures.importedGuardDuty(Workflow.RESOLVED, RecordState.ARCHIVED));
        }
        List<List<String>> rows = parse(sw.toString());

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).isEqualTo(CsvFindingWriter.HEADER);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(CsvFindingWriter.HEADER.size()));
        List<String> h = rows.get(2);
        assertThat(h.get(col("title"))).isEqualTo("'=HYPERLINK(\"http://evil\",\"click\")");
        assertThat(h.get(col("principal"))).isEqualTo("'@attacker");
        assertThat(h.get(col("resource"))).isEqualTo("'-resource");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
        List<String> gd = rows.get(3);
        assertThat(gd.get(col("product"))).isEqualTo("GuardDuty");
        assertThat(gd.get(col("workflow"))).isEqualTo("RESOLVED");
        assertThat(gd.get(col("record_state"))).isEqualTo("ARCHIVED");
        assertThat(gd.get(col("confidence"))).isEqualTo("80");
        assertThat(gd.get(col("location"))).isEqualTo("exports/gd.jsonl.gz#line 7");
        assertThat(sw.toString()).contains("\r\n");
    }

    private static int col(String name) {
        return CsvFindingWriter.HEADER.indexOf(name);
    }

    /** A strict RFC 4180 reader, independent of the writer. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
            i++;
        }
        return rows;
    }
}
