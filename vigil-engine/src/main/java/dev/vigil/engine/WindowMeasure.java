package dev.vigil.engine;

import dev.vigil.engine.sigma.CountCondition;
import dev.vigil.engine.sigma.CorrelationType;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sliding correlation window measures, kept up to date as hits enter and leave the window. A measure is built
 * over one sorted array of a group's hits; {@link #add} and {@link #remove} take positions in it.
 */
sealed interface WindowMeasure {

    void add(int position);

    void remove(int position);

    /** True when the hits now in the window satisfy the condition. */
    boolean satisfies(CountCondition condition);

    /** The measure for a correlation over a group's sorted hits. */
    static WindowMeasure of(CompiledCorrelation c, List<RuleHit> hits) {
        return switch (c.type()) {
            case EVENT_COUNT -> new EventCount();
            case VALUE_COUNT -> new DistinctValues(hits, c.valueField());
            case VALUE_SUM, VALUE_AVG -> new SumOrMean(hits, c.valueField(), c.type() == CorrelationType.VALUE_AVG);
            case VALUE_PERCENTILE -> new Percentile(hits, c.valueField(), c.percentile());
            case TEMPORAL -> new DistinctRules(hits, c.inputs());
            case TEMPORAL_ORDERED -> throw new IllegalArgumentException("temporal_ordered is not a sliding measure");
        };
    }

    /** event_count: the number of hits. */
    final class EventCount implements WindowMeasure {
        private long n;

        @Override
        public void add(int position) {
            n++;
        }

        @Override
        public void remove(int position) {
            n--;
        }

        @Override
        public boolean satisfies(CountCondition condition) {
            return condition.test(n);
        }
    }

    /** value_count: the number of distinct values of the field (hits without it are not counted). */
    final class DistinctValues implements WindowMeasure {
        private final List<RuleHit> hits;
        private final String field;
        private final Map<String, int[]> values = new HashMap<>();

        DistinctValues(List<RuleHit> hits, String field) {
            this.hits = hits;
            this.field = field;
        }

        @Override
        public void add(int position) {
            String v = hits.get(position).fields().get(field);
            if (v != null) {
                values.computeIfAbsent(v, k -> new int[1])[0]++;
            }
        }

        @Override
        public void remove(int position) {
            String v = hits.get(position).fields().get(field);
            if (v != null) {
                int[] c = values.get(v);
                if (c != null && --c[0] == 0) {
                    values.remove(v);
                }
            }
        }

        @Override
        public boolean satisfies(CountCondition condition) {
            return condition.test(values.size());
        }
    }

    /** value_sum and value_avg over the hits whose field is a number; a window without any never satisfies. */
    final class SumOrMean implements WindowMeasure {
        private final BigDecimal[] values;
        private final boolean mean;
        private BigDecimal sum = BigDecimal.ZERO;
        private long n;

        SumOrMean(List<RuleHit> hits, String field, boolean mean) {
            this.values = numbers(hits, field);
            this.mean = mean;
        }

        @Override
        public void add(int position) {
            BigDecimal v = values[position];
            if (v != null) {
                sum = sum.add(v);
                n++;
            }
        }

        @Override
        public void remove(int position) {
            BigDecimal v = values[position];
            if (v != null) {
                sum = sum.subtract(v);
                n--;
            }
        }

        @Override
        public boolean satisfies(CountCondition condition) {
            if (n == 0) {
                return false;
            }
            return condition.test(mean ? sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64) : sum);
        }
    }

    /**
     * value_percentile: the nearest-rank percentile of the numeric values (the smallest value with at least p % of
     * the values at or below it). Values are ranked once per array and counted in a Fenwick tree, so each step and
     * each query costs O(log n) however large the window.
     */
    final class Percentile implements WindowMeasure {
        private final int[] rankOf;
        private final BigDecimal[] byRank;
        private final int[] tree;
        private final BigDecimal percentile;
        private long n;

        Percentile(List<RuleHit> hits, String field, BigDecimal percentile) {
            BigDecimal[] values = numbers(hits, field);
            TreeMap<BigDecimal, Integer> ranks = new TreeMap<>();
            for (BigDecimal v : values) {
                if (v != null) {
                    ranks.put(v, 0);
                }
            }
            byRank = ranks.keySet().toArray(new BigDecimal[0]);
            for (int i = 0; i < byRank.length; i++) {
                ranks.put(byRank[i], i);
            }
            rankOf = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                rankOf[i] = values[i] == null ? -1 : ranks.get(values[i]);
            }
            tree = new int[byRank.length + 1];
            this.percentile = percentile;
        }

        @Override
        public void add(int position) {
            update(position, 1);
        }

        @Override
        public void remove(int position) {
            update(position, -1);
        }

        private void update(int position, int delta) {
            int r = rankOf[position];
            if (r < 0) {
                return;
            }
            n += delta;
            for (int i = r + 1; i < tree.length; i += i & -i) {
                tree[i] += delta;
            }
        }

        @Override
        public boolean satisfies(CountCondition condition) {
            if (n == 0) {
                return false;
            }
            long rank = percentile.multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100), 0,
                    RoundingMode.CEILING).longValue();
            return condition.test(byRank[kth(Math.max(1, rank))]);
        }

        /** Index of the k-th smallest value present (1-based k). */
        private int kth(long k) {
            int pos = 0;
            for (int step = Integer.highestOneBit(Math.max(1, tree.length - 1)); step > 0; step >>= 1) {
                int next = pos + step;
                if (next < tree.length && tree[next] < k) {
                    pos = next;
                    k -= tree[next];
                }
            }
            return pos; // the rank is pos + 1 in the tree's 1-based indexing, pos in byRank
        }
    }

    /** temporal: how many of the listed rules have a hit in the window. */
    final class DistinctRules implements WindowMeasure {
        private final int[] ruleOf;
        private final int[] counts;
        private int distinct;

        DistinctRules(List<RuleHit> hits, List<String> inputs) {
            ruleOf = ruleIndexes(hits, inputs);
            counts = new int[inputs.size()];
        }

        @Override
        public void add(int position) {
            int r = ruleOf[position];
            if (r >= 0 && counts[r]++ == 0) {
                distinct++;
            }
        }

        @Override
        public void remove(int position) {
            int r = ruleOf[position];
            if (r >= 0 && --counts[r] == 0) {
                distinct--;
            }
        }

        @Override
        public boolean satisfies(CountCondition condition) {
            return condition.test(distinct);
        }
    }

    private static BigDecimal[] numbers(List<RuleHit> hits, String field) {
        BigDecimal[] out = new BigDecimal[hits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = PlainDecimal.parse(hits.get(i).fields().get(field));
        }
        return out;
    }

    /** For each hit, the position of its rule in {@code inputs}, or -1. */
    static int[] ruleIndexes(List<RuleHit> hits, List<String> inputs) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            index.putIfAbsent(inputs.get(i), i);
        }
        int[] out = new int[hits.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = index.getOrDefault(hits.get(i).ruleId(), -1);
        }
        return out;
    }
}
