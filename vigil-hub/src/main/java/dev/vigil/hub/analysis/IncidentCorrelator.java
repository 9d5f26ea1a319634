package dev.vigil.hub.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Groups findings that share a principal, an access key or a resource within a time window into incident
 * candidates.
 *
 * <p>Two findings <em>link</em> when they share a non-generic entity (see {@link GenericValues}, {@link EntityKeys})
 * and the gap between their activity windows is at most {@link CorrelationOptions#window()}: for A starting no later
 * than B, {@code B.firstSeen - A.lastSeen <= window}. Candidates are the connected components of the links
 * (union-find), so grouping is transitive, but only through findings that are close in time to each other.
 *
 * <p><b>Cost.</b> Findings are sorted by start time; each (finding, entity) pair becomes one {@code long} (a 32-bit
 * entity hash, the finding's rank in time and the entity kind), and the pairs are sorted so that each entity's
 * findings form one run in time order. One sweep per run links each finding to the earlier finding whose activity
 * ended last: if B links to any earlier finding, it links to that one, and every earlier finding B links to is
 * already in the same component (the argument is in docs/hub.md, "Scale and memory"). So time is O(n log n) and
 * memory beyond the caller's list is about 70 bytes per finding: three 8-byte pairs, two 8-byte times, union-find
 * and bookkeeping arrays of 4-byte ints, and one link record per linked stretch of an entity's findings. Hash
 * collisions between different entities are resolved exactly by comparing values inside the run.
 */
public final class IncidentCorrelator {

    /** Findings are ranked in 30 bits, next to the 2-bit entity kind. */
    static final int MAX_FINDINGS = 1 << 30;

    /** Time order, then id so that the order never depends on the caller's. */
    private static final Comparator<AnalysedFinding> BY_START = (a, b) -> {
        int byTime = a.firstSeen().compareTo(b.firstSeen());
        return byTime != 0 ? byTime : a.id().compareTo(b.id());
    };

    private static final EntityKind[] KINDS = EntityKind.values();

    private final CorrelationOptions options;
    private final GenericValues generic;
    private final long windowMillis;

    public IncidentCorrelator(CorrelationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.generic = new GenericValues(options.extraGenericValues());
        this.windowMillis = saturatedMillis(options.window().getSeconds(), options.window().toMillisPart());
    }

    /**
     * The incident candidates among the findings that pass the options' minimums, highest score first (then
     * earliest, then id), with what was left out. The list is not modified.
     *
     * <p>Each finding should appear once; a finding listed twice counts as two members.
     *
     * @throws IllegalArgumentException with 2^30 findings or more
     */
    public CorrelationResult correlate(List<AnalysedFinding> findings) {
        AnalysedFinding[] sorted = findings.stream()
                .filter(f -> !options.excludedWorkflows().contains(f.workflow()))
                .toArray(AnalysedFinding[]::new);
        if (sorted.length >= MAX_FINDINGS) {
            throw new IllegalArgumentException("cannot correlate " + sorted.length + " findings at once; the limit is "
                    + MAX_FINDINGS + ": correlate per account or per time range");
        }
        sortByStart(sorted);
        int n = sorted.length;
        long[] first = new long[n];
        long[] last = new long[n];
        for (int r = 0; r < n; r++) {
            first[r] = millis(sorted[r].firstSeen());
            last[r] = millis(sorted[r].lastSeen());
        }
        UnionFind components = new UnionFind(n);
        IntList links = new IntList();
        long[] pairs = entityPairs(sorted);
        Sweep sweep = new Sweep(sorted, first, last, components, links);
        sweep.run(pairs);
        sweep.noisy.sort(java.util.Comparator.comparingInt(NoisyEntity::busiestWindow).reversed()
                .thenComparing(NoisyEntity::entity));
        int noisyCount = sweep.noisy.size();
        List<NoisyEntity> noisyListed = List.copyOf(
                sweep.noisy.subList(0, Math.min(noisyCount, CorrelationResult.MAX_NOISY_LISTED)));
        return new CorrelationResult(candidates(sorted, components, links), n, findings.size() - n, noisyListed,
                noisyCount);
    }

    /**
     * Sorts by {@link #BY_START}. Comparing objects is the slowest step at scale, so when the time span allows, each
     * finding's start (milliseconds from the earliest) and its index are packed into one long and sorted as
     * primitives; only runs that start in the same millisecond are then ordered by the full comparator.
     */
    static void sortByStart(AnalysedFinding[] findings) {
        int n = findings.length;
        if (n < 2) {
            return;
        }
        long[] start = new long[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            start[i] = millis(findings[i].firstSeen());
            min = Math.min(min, start[i]);
            max = Math.max(max, start[i]);
        }
        int indexBits = 32 - Integer.numberOfLeadingZeros(n - 1);
        if (max - min < 0 || max - min >= 1L << (63 - indexBits)) {
            Arrays.sort(findings, BY_START);
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((start[i] - min) << indexBits) | i;
        }
        Arrays.sort(keys);
        AnalysedFinding[] copy = findings.clone();
        long mask = (1L << indexBits) - 1;
        for (int k = 0; k < n; k++) {
            findings[k] = copy[(int) (keys[k] & mask)];
        }
        int run = 0;
        for (int k = 1; k <= n; k++) {
            if (k == n || keys[k] >>> indexBits != keys[run] >>> indexBits) {
                if (k - run > 1) {
                    Arrays.sort(findings, run, k, BY_START);
                }
                run = k;
            }
        }
    }

    private long[] entityPairs(AnalysedFinding[] sorted) {
        long[] pairs = new long[sorted.length * KINDS.length];
        int m = 0;
        for (int r = 0; r < sorted.length; r++) {
            for (EntityKind kind : KINDS) {
                if (!generic.isGeneric(kind.valueOf(sorted[r]))) {
                    pairs[m++] = ((long) EntityKeys.hash(sorted[r], kind) << 32) | ((long) r << 2) | kind.ordinal();
                }
            }
        }
        long[] used = Arrays.copyOf(pairs, m);
        Arrays.sort(used);
        return used;
    }

    /** Links findings run by run; a run is the pairs of one entity hash, in time order. */
    private final class Sweep {
        private final AnalysedFinding[] sorted;
        private final long[] first;
        private final long[] last;
        private final UnionFind components;
        private final IntList links;
        final List<NoisyEntity> noisy = new ArrayList<>();

        Sweep(AnalysedFinding[] sorted, long[] first, long[] last, UnionFind components, IntList links) {
            this.sorted = sorted;
            this.first = first;
            this.last = last;
            this.components = components;
            this.links = links;
        }

        void run(long[] pairs) {
            int i = 0;
            while (i < pairs.length) {
                int hash = (int) (pairs[i] >>> 32);
                int j = i + 1;
                while (j < pairs.length && (int) (pairs[j] >>> 32) == hash) {
                    j++;
                }
                if (j - i >= 2) {
                    sweepRun(pairs, i, j);
                }
                i = j;
            }
        }

        private void sweepRun(long[] pairs, int from, int to) {
            int head = (int) pairs[from];
            boolean oneEntity = true;
            for (int k = from + 1; k < to && oneEntity; k++) {
                int ref = (int) pairs[k];
                oneEntity = EntityKeys.same(finding(head), kind(head), finding(ref), kind(ref));
            }
            if (oneEntity) {
                IntList refs = new IntList();
                for (int k = from; k < to; k++) {
                    refs.add((int) pairs[k]);
                }
                sweepEntity(refs);
                return;
            }
            // Different entities whose hashes collide: split the run exactly by value, keeping time order.
            Map<String, IntList> byEntity = new LinkedHashMap<>();
            for (int k = from; k < to; k++) {
                int ref = (int) pairs[k];
                byEntity.computeIfAbsent(EntityKeys.text(finding(ref), kind(ref)), x -> new IntList()).add(ref);
            }
            for (IntList refs : byEntity.values()) {
                sweepEntity(refs);
            }
        }

        /** refs: (rank << 2 | kind) of one entity's findings in time order. */
        private void sweepEntity(IntList refs) {
            int busiest = busiestWindow(refs);
            if (busiest > options.maxFindingsPerEntityWindow()) {
                int ref = refs.get(0);
                noisy.add(new NoisyEntity(EntityKeys.entity(finding(ref), kind(ref)), refs.size(), busiest));
                return;
            }
            long latestEnd = Long.MIN_VALUE;
            int latest = -1;
            // One link record per run of linked findings is enough to name the entity on its candidate.
            boolean segmentRecorded = false;
            for (int k = 0; k < refs.size(); k++) {
                int ref = refs.get(k);
                int rank = ref >>> 2;
                if (latest >= 0 && first[rank] - latestEnd <= windowMillis) {
                    components.union(rank, latest);
                    if (!segmentRecorded) {
                        links.add(ref);
                        segmentRecorded = true;
                    }
                } else {
                    segmentRecorded = false;
                }
                if (last[rank] > latestEnd) {
                    latestEnd = last[rank];
                    latest = rank;
                }
            }
        }

        /** The most findings of the entity that start within one window of each other (two pointers). */
        private int busiestWindow(IntList refs) {
            int busiest = 0;
            int lo = 0;
            for (int k = 0; k < refs.size(); k++) {
                long start = first[refs.get(k) >>> 2];
                while (start - first[refs.get(lo) >>> 2] > windowMillis) {
                    lo++;
                }
                busiest = Math.max(busiest, k - lo + 1);
            }
            return busiest;
        }

        private AnalysedFinding finding(int ref) {
            return sorted[ref >>> 2];
        }
    }

    private List<IncidentCandidate> candidates(AnalysedFinding[] sorted, UnionFind components, IntList links) {
        int n = sorted.length;
        int[] root = new int[n];
        int[] size = new int[n];
        for (int r = 0; r < n; r++) {
            root[r] = components.find(r);
            size[root[r]]++;
        }
        // Members of each component in time order, by counting sort on the root.
        int[] start = new int[n + 1];
        for (int r = 0; r < n; r++) {
            start[r + 1] = start[r] + size[r];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] byRoot = new int[n];
        for (int r = 0; r < n; r++) {
            byRoot[fill[root[r]]++] = r;
        }
        // Components worth reporting, in order of their root; each finding's tactic is classified once.
        Tactic[] tactic = new Tactic[n];
        Map<Integer, Integer> reported = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            if (size[c] < options.minMembers() || size[c] == 0) {
                continue;
            }
            boolean[] seen = new boolean[Tactic.values().length];
            int distinct = 0;
            for (int k = start[c]; k < start[c + 1]; k++) {
                Tactic t = TacticClassifier.classify(sorted[byRoot[k]]);
                tactic[byRoot[k]] = t;
                if (t.isKnown() && !seen[t.ordinal()]) {
                    seen[t.ordinal()] = true;
                    distinct++;
                }
            }
            if (distinct >= options.minTactics()) {
                reported.put(c, reported.size());
            }
        }
        List<Set<LinkingEntity>> entities = new ArrayList<>(reported.size());
        for (int i = 0; i < reported.size(); i++) {
            entities.add(new HashSet<>());
        }
        for (int k = 0; k < links.size(); k++) {
            int ref = links.get(k);
            Integer index = reported.get(root[ref >>> 2]);
            if (index != null) {
                entities.get(index).add(EntityKeys.entity(sorted[ref >>> 2], kind(ref)));
            }
        }
        List<IncidentCandidate> result = new ArrayList<>(reported.size());
        for (Map.Entry<Integer, Integer> e : reported.entrySet()) {
            int c = e.getKey();
            List<AnalysedFinding> members = new ArrayList<>(size[c]);
            List<Tactic> memberTactics = new ArrayList<>(size[c]);
            for (int k = start[c]; k < start[c + 1]; k++) {
                members.add(sorted[byRoot[k]]);
                memberTactics.add(tactic[byRoot[k]]);
            }
            Set<LinkingEntity> found = entities.get(e.getValue());
            // an identity link that repeats a principal link says nothing new
            List<LinkingEntity> linked = new ArrayList<>(found.stream().filter(l -> l.kind() != EntityKind.IDENTITY
                    || !found.contains(new LinkingEntity(EntityKind.PRINCIPAL, l.value(), l.account()))).toList());
            linked.sort(null);
            result.add(CandidateAssembler.assemble(members, memberTactics, linked));
        }
        result.sort(Comparator.comparingInt(IncidentCandidate::score).reversed()
                .thenComparing(IncidentCandidate::firstSeen).thenComparing(IncidentCandidate::id));
        return result;
    }

    private static EntityKind kind(int ref) {
        return KINDS[ref & 3];
    }

    /** Epoch milliseconds, clamped far from overflow so that differences of two values never overflow. */
    static long millis(Instant t) {
        return saturatedMillis(t.getEpochSecond(), t.getNano() / 1_000_000);
    }

    private static long saturatedMillis(long seconds, int millisPart) {
        long limit = Long.MAX_VALUE / 4 / 1000;
        if (seconds > limit) {
            return Long.MAX_VALUE / 4;
        }
        if (seconds < -limit) {
            return -Long.MAX_VALUE / 4;
        }
        return seconds * 1000 + millisPart;
    }
}
