package dev.vigil.engine.intel;

import dev.vigil.model.AddressScreen;
import dev.vigil.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The loaded indicator sets: addresses, CIDR blocks and domain names from the files the user provides, looked up in
 * O(log n) (IPv4: a /16 table then a binary search over the few intervals in it).
 *
 * <p>Immutable and safe to share between threads. Load with {@link #load(List, Consumer)}; what cannot be read is
 * reported as problems naming the file and line, and everything else loads. The formats, intel.yaml and the matching
 * rules are described in docs/threat-intel.md.
 */
public final class ThreatIntel implements IpReputation, DomainReputation {

    private final IndicatorTable table;
    private final AddressIndex addresses;
    private final Map<String, int[]> domains;
    private final List<IntelSetSummary> sets;
    private final int size;

    private ThreatIntel(IndexBuilder.Built built, List<IntelSetSummary> sets, int size) {
        this.table = built.table();
        this.addresses = new AddressIndex(built);
        this.domains = Map.copyOf(built.domains());
        this.sets = List.copyOf(sets);
        this.size = size;
    }

    /**
     * Loads indicator sets.
     *
     * @param paths    intel.yaml files (any {@code .yaml}/{@code .yml}), indicator files, or directories: a directory
     *                 holding {@code intel.yaml} (or {@code intel.yml}) loads that configuration, any other directory
     *                 loads each of its files (not subdirectories, hidden files or {@code .md}) as a set named after
     *                 the file
     * @param problems receives every unreadable file, bad line and bad configuration value
     */
    public static ThreatIntel load(List<Path> paths, Consumer<Problem> problems) {
        IndexBuilder index = new IndexBuilder();
        IntelConfig.Names names = new IntelConfig.Names();
        List<IntelSetSummary> summaries = new ArrayList<>();
        for (Path path : paths) {
            for (IntelConfig.SetSpec spec : specs(path, problems)) {
                if (!names.claim(spec.name())) {
                    problems.accept(new Problem(spec.origin(), "duplicate-set", "a set named '" + spec.name()
                            + "' is already loaded; give each set its own name"));
                    continue;
                }
                IntelSetSummary s = loadSet(spec, index, problems);
                if (s != null) {
                    summaries.add(s);
                }
            }
        }
        IndexBuilder.Built built = index.build();
        if (index.truncatedIntervals() > 0) {
            problems.accept(new Problem("intel", "overlap-cap", index.truncatedIntervals() + " address ranges are"
                    + " covered by more than " + IndexBuilder.MAX_SCAN + " overlapping indicators (or more than "
                    + IndexBuilder.MAX_CANDIDATES + " with different validity); only the strongest are kept there."
                    + " Remove duplicate feeds or overlapping sets."));
        }
        return new ThreatIntel(built, summaries, index.size());
    }

    private static List<IntelConfig.SetSpec> specs(Path path, Consumer<Problem> problems) {
        String display = path.toString();
        if (Files.isDirectory(path)) {
            for (String n : new String[]{"intel.yaml", "intel.yml"}) {
                if (Files.isRegularFile(path.resolve(n))) {
                    return IntelConfig.read(path.resolve(n), path.resolve(n).toString(), problems);
                }
            }
            List<IntelConfig.SetSpec> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(path)) {
                for (Path f : files.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (Files.isRegularFile(f) && !n.startsWith(".") && !n.toLowerCase(Locale.ROOT).endsWith(".md")) {
                        out.add(fileSpec(f));
                    }
                }
            } catch (IOException e) {
                problems.accept(new Problem(display, "unreadable", "cannot list the directory: " + e.getMessage()));
            }
            return out;
        }
        String lower = display.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return IntelConfig.read(path, display, problems);
        }
        if (!Files.isRegularFile(path)) {
            problems.accept(new Problem(display, "not-found", "no such file or directory"));
            return List.of();
        }
        return List.of(fileSpec(path));
    }

    /** A file given without configuration: named after the file, confidence 50, custom, category from the format. */
    private static IntelConfig.SetSpec fileSpec(Path file) {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "-");
        String lower = name.toLowerCase(Locale.ROOT);
        boolean tor = lower.contains("torbulkexitlist") || lower.contains("tor-exit") || lower.contains("tor_exit")
                || lower.contains("exit-addresses");
        return new IntelConfig.SetSpec(name.isEmpty() ? "set" : name, file,
                tor ? IntelFormat.TOR_EXIT : IntelFormat.AUTO, tor ? IntelCategory.TOR_EXIT : null,
                IntelConfig.DEFAULT_CONFIDENCE, Long.MAX_VALUE, true,
                file.toString());
    }

    private static IntelSetSummary loadSet(IntelConfig.SetSpec spec, IndexBuilder index, Consumer<Problem> problems) {
        String display = spec.file().toString();
        if (!Files.isRegularFile(spec.file())) {
            problems.accept(new Problem(spec.origin(), "not-found", "indicator file " + display + " of set '"
                    + spec.name() + "' does not exist"));
            return null;
        }
        try {
            IntelFormat format = spec.format() == IntelFormat.AUTO ? IntelInput.detect(spec.file()) : spec.format();
            IntelCategory category = spec.category() != null ? spec.category()
                    : format == IntelFormat.TOR_EXIT ? IntelCategory.TOR_EXIT : IntelCategory.MALICIOUS;
            int setId = index.addSet(spec.name(), category, spec.custom());
            SetLoad load = new SetLoad(display, index, setId, spec.confidence(), spec.expires(), problems);
            try (InputStream in = IntelInput.open(spec.file())) {
                switch (format) {
                    case PLAIN -> PlainListLoader.load(in, load);
                    case CSV -> CsvLoader.load(in, load);
                    case STIX -> StixLoader.load(in, load);
                    case MISP -> MispLoader.load(in, load);
                    case TOR_EXIT -> TorExitLoader.load(in, load);
                    case AUTO -> throw new IllegalStateException("format was detected above");
                }
            }
            Instant expires = spec.expires() == Long.MAX_VALUE ? null : Instant.ofEpochSecond(spec.expires());
            return new IntelSetSummary(spec.name(), category, spec.confidence(), spec.custom(), load.addresses(),
                    load.domains(), expires, display);
        } catch (IOException e) {
            problems.accept(new Problem(display, "unreadable", "cannot read the indicator file: " + e.getMessage()));
            return null;
        }
    }

    @Override
    public IntelMatch lookup(CharSequence address, long epochSeconds) {
        return addresses.lookup(address, epochSeconds);
    }

    @Override
    public IntelMatch lookupIpv4(long address, long epochSeconds) {
        IpText.checkIpv4(address);
        return addresses.v4().lookup(address, epochSeconds);
    }

    /**
     * A caching view for one thread (see {@link IpReputation#forOneThread()}): it remembers where in the index the
     * IPv4 addresses it recently saw fall, never what they matched, so its answers equal this object's at any time.
     * About 66 KiB each; not thread-safe.
     */
    @Override
    public IpReputation forOneThread() {
        return new CachingIpReputation(addresses);
    }

    @Override
    public AddressScreen ipv4Screen() {
        return addresses.ipv4Screen();
    }

    @Override
    public IntelMatch lookupDomain(String domain, long epochSeconds) {
        if (domain == null || domains.isEmpty()) {
            return null;
        }
        String name = SetLoad.domainName(domain);
        int[] ids = name == null ? null : domains.get(name);
        if (ids == null) {
            return null;
        }
        int id = table.firstValid(ids, 0, ids.length, epochSeconds);
        return id < 0 ? null : table.match(id, name);
    }

    /** The address index, for tests of views with other table sizes. */
    AddressIndex addressIndex() {
        return addresses;
    }

    /** Indicators loaded: addresses, CIDR blocks and domain names, over all sets. */
    public int size() {
        return size;
    }

    /** The loaded sets in load order. */
    public List<IntelSetSummary> sets() {
        return sets;
    }
}
