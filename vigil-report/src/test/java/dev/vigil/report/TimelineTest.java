package dev.vigil.report;

import dev.vigil.model.Finding;
import dev.vigil.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    private static Finding at(String time, Severity s) {
        Instant t = Instant.parse(time);
        return Fixtures.finding("r-" + time + s, "t", s).key("t", time + s).seen(t, t).build();
    }

    @Test
    void countsFindingsPerBucketAndSeverityByFirstSeen() {
        List<Finding> f = List.of(
                at("2024-07-31T13:00:10Z", Severity.HIGH),
                at("2024-07-31T13:00:50Z", Severity.HIGH),
                at("2024-07-31T13:01:10Z", Severity.CRITICAL),
                at("2024-07-31T13:20:00Z", Severity.LOW));

        TimelineBuckets b = TimelineBuckets.of(f);

        assertThat(b.intervalSeconds()).isEqualTo(60);
        assertThat(b.bucketStart(0)).isEqualTo(Instant.parse("2024-07-31T13:00:00Z"));
        assertThat(b.bucketCount()).isEqualTo(21);
        assertThat(b.counts()[0][Severity.HIGH.ordinal()]).isEqualTo(2);
        assertThat(b.counts()[1][Severity.CRITICAL.ordinal()]).isEqualTo(1);
        assertThat(b.counts()[20][Severity.LOW.ordinal()]).isEqualTo(1);
        assertThat(b.maxTotal()).isEqualTo(2);
        int total = 0;
        for (int i = 0; i < b.bucketCount(); i++) {
            total += b.total(i);
        }
        assertThat(total).isEqualTo(4);
    }

    @Test
    void picksTheSmallestRoundIntervalThatKeepsBarsFew() {
        assertThat(TimelineBuckets.intervalFor(0)).isEqualTo(1);
        assertThat(TimelineBuckets.intervalFor(30)).isEqualTo(1);
        assertThat(TimelineBuckets.intervalFor(3_600)).isEqualTo(300);
        assertThat(TimelineBuckets.intervalFor(86_400)).isEqualTo(3_600);
        assertThat(TimelineBuckets.intervalFor(90 * 86_400.0)).isEqualTo(7 * 86_400);
    }

    @Test
    void absurdSpansFromForgedTimesStayBounded() {
        List<Finding> f = new ArrayList<>();
        f.add(at("1970-01-01T00:00:00Z", Severity.LOW));
        f.add(at("2024-07-31T13:00:00Z", Severity.HIGH));
        f.add(Fixtures.finding("max", "t", Severity.CRITICAL).seen(Instant.MAX, Instant.MAX).build());
        f.add(Fixtures.finding("min", "t", Severity.CRITICAL).seen(Instant.MIN, Instant.MIN).build());

        TimelineBuckets b = TimelineBuckets.of(f);

        assertThat(b.bucketCount()).isLessThanOrEqualTo(TimelineBuckets.MAX_BUCKETS);
        int total = 0;
        for (int i = 0; i < b.bucketCount(); i++) {
            total += b.total(i);
        }
        assertThat(total).isEqualTo(4);
        assertThat(render(b)).contains("<svg").contains("</svg>");
    }

    @Test
    void manyFindingsInOneSecondStillChart() {
        List<Finding> f = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            f.add(Fixtures.finding("r" + i, "t", Severity.MEDIUM).key("i", "" + i)
                    .seen(Instant.parse("2024-07-31T13:00:00Z"), Instant.parse("2024-07-31T13:00:00Z")).build());
        }
        TimelineBuckets b = TimelineBuckets.of(f);

        assertThat(b.bucketCount()).isEqualTo(TimelineBuckets.MIN_BUCKETS);
        assertThat(b.total(0)).isEqualTo(1_000);
        String svg = render(b);
        assertThat(svg).contains(">1,000<").contains("1,000 Medium findings").contains(">13:00:00<");
    }

    @Test
    void axisLabelsAreUtcAndCaptionSaysTheBucketWidth() {
        TimelineBuckets b = TimelineBuckets.of(List.of(at("2024-07-31T22:00:00Z", Severity.LOW),
                at("2024-08-02T02:00:00Z", Severity.LOW)));
        String svg = render(b);

        assertThat(b.intervalSeconds()).isEqualTo(3_600);
        assertThat(svg).contains(">07-31 22:00<").contains("each bar 1 hour")
                .contains("from 2024-07-31 22:00:00 UTC to 2024-08-02 ");
    }

    @Test
    void gridStepsAreRound() {
        assertThat(TimelineChart.niceStep(1)).isEqualTo(1);
        assertThat(TimelineChart.niceStep(5)).isEqualTo(1);
        assertThat(TimelineChart.niceStep(6)).isEqualTo(2);
                assertThat(TimelineChart.niceStep(19)).isEqualTo(5);
        assertThat(TimelineChart.niceStep(41)).isEqualTo(10);
        assertThat(TimelineChart.niceStep(51)).isEqualTo(20);
        assertThat(TimelineChart.niceStep(1_000)).isEqualTo(200);
    }

    private static String render(TimelineBuckets b) {
        StringWriter out = new StringWriter();
        HtmlSink html = new HtmlSink(out);
        try {
            TimelineChart.write(html, b);
            html.flush();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }
}
