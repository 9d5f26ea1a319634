package dev.vigil.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsSectionTest {

    static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

    /** An alarm at threshold 1 over 12 five-minute periods: one breach at 10:20, OK again at 10:30. */
    static MetricChart alarm(String name) {
        List<MetricChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Double v = i == 4 ? Double.valueOf(3) : i % 3 == 0 ? Double.valueOf(0) : null;
            String state = i == 4 || i == 5 ? "ALARM" : i < 4 ? "INSUFFICIENT_DATA" : "OK";
            points.add(new MetricChart.Point(T0.plus(Duration.ofMinutes(5L * i)), v, 1.0, null, null, state));
        }
        return MetricChart.alarm(name, "CISBenchmark/root_usage_metric", "Sum >= 1 in 1 of 1 periods of 5 min", 300,
                points, List.of(new MetricChart.StateChange(T0.plus(Duration.ofMinutes(25)), "OK", "ALARM",
                                "Threshold Crossed: " + Hostile.SCRIPT),
                        new MetricChart.StateChange(T0.plus(Duration.ofMinutes(35)), "ALARM", "OK", "")), "OK");
    }

    static MetricsSection section(MetricChart... alarms) {
        return new MetricsSection(16, T0, T0.plus(Duration.ofHours(1)), List.of(alarms),
                List.of(MetricChart.series("root_usage_metric", "CISBenchmark/root_usage_metric", "Sum per 5 min; total 3",
                        300, alarm("x").points())), List.of());
    }

    @Test
    void drawsTheSeriesTheThresholdTheAlarmPeriodsAndEveryStateChange() {
        Page page = Page.render(List.of(), null, section(alarm("CIS-4.3-RootAccountUsage")));
        assertThat(page.all("//section[@id='metrics']")).hasSize(1);
        assertThat(page.all("//nav//a[@href='#metrics']")).hasSize(1);
        assertThat(page.text("//figure[@id='alarm-chart-1']//b")).isEqualTo("CIS-4.3-RootAccountUsage");
        assertThat(page.all("//figure[@id='alarm-chart-1']//*[local-name()='rect'][contains(@class,'bar')]"))
                .hasSize(5); // periods with a value
        assertThat(page.all("//figure[@id='alarm-chart-1']//*[local-name()='rect'][@class='bar breach']")).hasSize(1);
        assertThat(page.all("//figure[@id='alarm-chart-1']//*[local-name()='rect'][@class='alarm-zone']"))
                .as("two ALARM periods drawn as one area").hasSize(1);
        assertThat(page.all("//figure[@id='alarm-chart-1']//*[local-name()='line'][@class='threshold']")).hasSize(1);
        assertThat(page.all("//figure[@id='alarm-chart-1']//*[local-name()='line'][@class='change to-alarm']")).hasSize(1);
        assertThat(page.all("//figure[@id='alarm-chart-1']//*[local-name()='line'][@class='change to-ok']")).hasSize(1);
        assertThat(page.texts("//figure[@id='alarm-chart-1']//*[local-name()='desc']").get(0))
                .contains("entered ALARM once, final state OK");
        assertThat(page.all("//figure[@class='card metric-small']")).hasSize(1);
        assertThat(page.html).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void hostileNamesAreEscaped() {
        Page page = Page.render(List.of(), null, section(alarm(Hostile.ATTRIBUTE_BREAKOUT)));
        assertThat(page.html).doesNotContain("<img");
        assertThat(page.text("//figure[@id='alarm-chart-1']//b")).isEqualTo(Hostile.ATTRIBUTE_BREAKOUT);
    }

    @Test
    void anAnomalyBandIsDrawnPerPeriod() {
        List<MetricChart.Point> points = List.of(
                new MetricChart.Point(T0, 5.0, null, 1.0, 9.0, "OK"),
                new MetricChart.Point(T0.plusSeconds(3600), 40.0, null, 1.0, 9.0, "ALARM"),
                new MetricChart.Point(T0.plusSeconds(7200), null, null, null, null, "INSUFFICIENT_DATA"));
        MetricChart c = MetricChart.alarm("anomaly", "m", "", 3600, points, List.of(), "ALARM");
        Page page = Page.render(List.of(), null, new MetricsSection(1, T0, T0.plusSeconds(10800), List.of(c),
                List.of(), List.of("a note")));
        assertThat(page.all("//*[local-name()='rect'][@class='band']")).hasSize(2);
        assertThat(page.all("//*[local-name()='line'][@class='threshold']")).isEmpty();
        assertThat(page.texts("//p[contains(@class,'metric-note')]")).containsExactly("a note");
    }

    @Test
    void aLongSeriesIsFoldedKeepingPeaksAndAlarmPeriods() {
        List<MetricChart.Point> points = new ArrayList<>();
        for (int i = 0; i < 105_120; i++) { // a year of five-minute periods
            points.add(new MetricChart.Point(T0.plusSeconds(300L * i), i == 5000 ? 7.0 : 1.0, 2.0, null, null,
                    i == 5000 ? "ALARM" : "OK"));
        }
        MetricChart c = MetricChart.alarm("a", "m", "", 300, points, List.of(), "OK");
        assertThat(c.points()).hasSizeLessThanOrEqualTo(MetricChart.MAX_POINTS);
        assertThat(c.bucketSeconds()).isEqualTo(300L * 146);
        assertThat(c.points()).filteredOn(p -> p.value() == 7.0).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo("ALARM"));
        assertThat(c.points()).allSatisfy(p -> assertThat(p.threshold()).isEqualTo(2.0));
    }

    @Test
    void withoutASectionTheReportHasNoMetricsPart() {
        Page page = Page.render(List.of(), null);
        assertThat(page.all("//section[@id='metrics']")).isEmpty();
        assertThat(page.all("//nav//a[@href='#metrics']")).isEmpty();
    }

    @Test
    void axisNumbersReadAsPeopleWriteThem() {
        assertThat(MetricChartSvg.number(3)).isEqualTo("3");
        assertThat(MetricChartSvg.number(1.5)).isEqualTo("1.5");
        assertThat(MetricChartSvg.number(0.0001)).isEqualTo("0.0001");
        assertThat(MetricChartSvg.niceStep(10)).isEqualTo(2);
        assertThat(MetricChartSvg.niceStep(0.3)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    }
}
