package dev.vigil.sim;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Manual throughput measurement, not a test: {@code java -cp … dev.vigil.sim.SimulatorBenchmark [events] [dir]}.
 * Prints events per second end to end (generation, JSON, gzip, disk), and the process CPU time per event,
 * which says what the machine could do when other work is competing for its cores.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("vigil-sim-bench");
        EstateSimulator.Options options = EstateSimulator.Options.defaults().withEvents(events);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        SimulationResult result = EstateSimulator.write(out, options, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf("%,d events, %,d files, %,d bytes in %.2f s: %,.0f events/s; CPU %.2f s = %.1f us/event "
                        + "(%,.0f events/s on %d free cores) (%s)%n", result.events(), result.files(), result.bytes(),
                seconds, result.events() / seconds, cpuSeconds, cpuSeconds * 1e6 / result.events(),
                result.events() / cpuSeconds * os.getAvailableProcessors(), os.getAvailableProcessors(), out);
    }
}
