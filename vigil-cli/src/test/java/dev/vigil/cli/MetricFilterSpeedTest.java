package dev.vigil.cli;

import dev.vigil.engine.DetectionSet;
import dev.vigil.formats.cloudtrail.CloudTrailEvent;
import dev.vigil.formats.cloudtrail.CloudTrailFileReader;
import dev.vigil.formats.input.LogFile;
import dev.vigil.metrics.filter.MetricFilter;
import dev.vigil.metrics.filter.MetricFilterSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures what the built-in CIS metric-filter pack costs per CloudTrail event, next to the built-in Sigma pack,
 * on real records decoded as {@code vigil scan} decodes them. Timing depends on the machine, so this runs only on
 * request: {@code mvn -pl vigil-metrics,vigil-cli verify -Dtest=MetricFilterSpeedTest -Dvigil.perf=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "vigil.perf", matches = "true")
class MetricFilterSpeedTest {

    @Test
    void cisPackCostPerEvent() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(ScanCommandTest.shared().resolve("data/stratus-detonations"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        }
        CloudTrailFileReader reader = new CloudTrailFileReader(CloudTrailFileReader.Limits.DEFAULT, new LongAdder());
        List<CloudTrailEvent> records = new ArrayList<>();
        for (Path f : files) {
            reader.read(new LogFile(f, f.toString(), 0), e -> records.add(e.detach()), p -> { });
        }
        MetricFilterSet cis = MetricFilterSet.cis();
        DetectionSet sigma = DetectionSet.builtIn();
        long[] sink = {0};
        long cisNanos = 0;
        long sigmaNanos = 0;
        long bothNanos = 0;
        long events = 0;
        for (int batch = 0; batch < 60; batch++) {
            // fresh copies: their field caches are empty, as for events just decoded by a scan
            List<CloudTrailEvent> a = copies(records, 10);
            List<CloudTrailEvent> b = copies(records, 10);
            List<CloudTrailEvent> c = copies(records, 10);
            long t0 = System.nanoTime();
            for (CloudTrailEvent e : a) {
                cis.extract(e, d -> sink[0]++);
            }
            long t1 = System.nanoTime();
            for (CloudTrailEvent e : b) {
                sigma.evaluate(e, h -> sink[0]++);
            }
            long t2 = System.nanoTime();
            for (CloudTrailEvent e : c) {
                sigma.evaluate(e, h -> sink[0]++);
                cis.extract(e, d -> sink[0]++);
            }
            long t3 = System.nanoTime();
            if (batch >= 10) { // the first batches warm the JIT
                cisNanos += t1 - t0;
                sigmaNanos += t2 - t1;
                bothNanos += t3 - t2;
                events += a.size();
            }
        }
        System.out.printf("%d events (%d distinct Stratus records)%n", events, records.size());
        System.out.printf("CIS pack (%d filters) alone: %.0f ns/event%n", cis.filters().size(),
                (double) cisNanos / events);
        System.out.printf("built-in Sigma pack: %.0f ns/event%n", (double) sigmaNanos / events);
        System.out.printf("Sigma + CIS: %.0f ns/event, so CIS adds %.0f ns/event to the detections%n",
                (double) bothNanos / events, (double) (bothNanos - sigmaNanos) / events);
        // per filter, on events the Sigma pack has already looked at (so shared fields are decoded)
        List<CloudTrailEvent> warm = copies(records, 10);
        for (CloudTrailEvent e : warm) {
            sigma.evaluate(e, h -> sink[0]++);
        }
        for (MetricFilter f : cis.filters()) {
            MetricFilterSet one = new MetricFilterSet(List.of(f));
            for (int i = 0; i < 3; i++) {
                for (CloudTrailEvent e : warm) {
                    one.extract(e, d -> sink[0]++);
                }
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                for (CloudTrailEvent e : warm) {
                    one.extract(e, d -> sink[0]++);
                }
            }
            System.out.printf("  %-40s %6.0f ns/event%n", f.name(), (double) (System.nanoTime() - t0) / (5.0 * warm.size()));
        }
        assertThat(sink[0]).isPositive();
    }

    private static List<CloudTrailEvent> copies(List<CloudTrailEvent> records, int times) {
        List<CloudTrailEvent> out = new ArrayList<>(records.size() * times);
        for (int i = 0; i < times; i++) {
            for (CloudTrailEvent e : records) {
                out.add(e.detach());
            }
        }
        return out;
    }
}
