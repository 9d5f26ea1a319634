package dev.vigil.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the lookup and matching configurations of the flow evaluation benchmark working at tiny sizes, and comparable. */
class FlowEvaluationBenchTest {

    @TempDir
    Path tmp;

    @Test
    void theViewTheSharedIndexAndLookupsByNumberFindTheSameRecords() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FlowEvaluationBench.run(new String[]{"20000", "--indicators", "2000", "--files", "2", "--runs",
                "1", "--dir", tmp.toString(), "--only",
                "parse,parse+lookup,parse+lookup-shared,parse+lookup-empty,parse+numbers+lookup,parse+match"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("| 2 | parse+lookup | ", "| 1 | parse+lookup-shared | ",
                "| 1 | parsing the peers (lookups in an empty index) | parse | ");
        Matcher m = Pattern.compile("parse\\+lookup: ([0-9,]+) records with a listed peer, parse\\+lookup-shared: "
                + "([0-9,]+), parse\\+lookup-empty: ([0-9,]+), parse\\+numbers\\+lookup: ([0-9,]+), parse\\+match: "
                + "([0-9,]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        // the view answers as the shared index: the same records have a listed peer; an empty index lists none
        assertThat(m.group(1)).isEqualTo(m.group(2)).isNotEqualTo("0");
        assertThat(m.group(3)).isEqualTo("0");
        // looking the records' numbers up finds what looking the text up finds, and so does matching behind the
        // readers' screen (which skips the lookups of peers no indicator covers)
        assertThat(m.group(4)).isEqualTo(m.group(1));
        assertThat(m.group(5)).isEqualTo(m.group(1));
        assertThat(text).contains("| 1 | matching as vigil scan does (screen + lookups) | parse | ");
    }
}
