package dev.vigil.engine.baseline;

import dev.vigil.engine.EvidenceText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * The knobs of {@link BehaviourBaselines}; defaults in {@link #defaults()}, all documented in docs/baselines.md.
 *
 * @param learningPeriod       how long a principal is only learned before its new behaviour is reported, counted
 *                             from its first-seen time (default 7 days)
 * @param maxPrincipals        principals (and, separately, accounts) tracked; beyond it a fixed pseudo-random
 *                             choice is kept, principals of the prior snapshot first (default 5,000)
 * @param maxValuesPerFeature  values of one feature (APIs, regions, networks, user agents) kept exactly per
 *                             principal before the rest go to a sketch (default 256)
 * @param maxActiveMinutes     active minutes held per principal and run for volume (default 1,440)
 * @param volumeDeviations     a minute is a spike when above the learned mean by this many standard deviations
 *                             (default 4)
 * @param minCallsPerMinute    and has at least this many calls (default 30)
 * @param minBytesOutPerMinute or at least this many S3 bytes out (default 100,000,000)
 * @param evidence             whether findings carry their records' text ({@link EvidenceText#COPIED}) or only
 *                             their id and origin for the caller to fill in ({@link EvidenceText#DEFERRED},
 *                             the default: a copy per learned value would cost far more memory)
 * @param scoring              what is reported and at which severity ({@link AnomalyScoring#defaults()})
 */
public record BaselineSettings(Duration learningPeriod, int maxPrincipals, int maxValuesPerFeature,
                               int maxActiveMinutes, double volumeDeviations, long minCallsPerMinute,
                               long minBytesOutPerMinute, EvidenceText evidence,
                               AnomalyScoring scoring) {

    /** Longest learning period accepted: a year, which already covers every seasonal pattern learned here. */
    public static final Duration MAX_LEARNING = Duration.ofDays(366);

    public BaselineSettings {
        Objects.requireNonNull(learningPeriod, "learningPeriod");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(scoring, "scoring");
        if (learningPeriod.isNegative() || learningPeriod.isZero() || learningPeriod.compareTo(MAX_LEARNING) > 0) {
            throw new IllegalArgumentException("learning period must be positive and at most " + MAX_LEARNING
                    + ", was " + learningPeriod);
        }
        range("max principals", maxPrincipals, 1, 10_000_000);
        range("max values per feature", maxValuesPerFeature, 1, 100_000);
        range("max active minutes", maxActiveMinutes, 1, 10_000_000);
        if (!(volumeDeviations > 0) || Double.isInfinite(volumeDeviations)) {
            throw new IllegalArgumentException("volume deviations must be a positive number, was "
                    + volumeDeviations);
        }
        range("min calls per minute", minCallsPerMinute, 1, Long.MAX_VALUE);
        range("min bytes out per minute", minBytesOutPerMinute, 1, Long.MAX_VALUE);
    }

    private static void range(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", was " + value);
        }
    }

    public static BaselineSettings defaults() {
        return new BaselineSettings(Duration.ofDays(7), 5_000, 256, 1_440, 4.0, 30, 100_000_000L,
                EvidenceText.DEFERRED, AnomalyScoring.defaults());
    }

    public BaselineSettings withLearningPeriod(Duration period) {
        return new BaselineSettings(period, maxPrincipals, maxValuesPerFeature, maxActiveMinutes, volumeDeviations,
                minCallsPerMinute, minBytesOutPerMinute, evidence, scoring);
    }

    public BaselineSettings withEvidence(EvidenceText text) {
        return new BaselineSettings(learningPeriod, maxPrincipals, maxValuesPerFeature, maxActiveMinutes,
                volumeDeviations, minCallsPerMinute, minBytesOutPerMinute, text, scoring);
    }

    public BaselineSettings withScoring(AnomalyScoring s) {
        return new BaselineSettings(learningPeriod, maxPrincipals, maxValuesPerFeature, maxActiveMinutes,
                volumeDeviations, minCallsPerMinute, minBytesOutPerMinute, evidence, s);
    }

    /**
     * Reads settings from a YAML mapping; keys left out keep their defaults. Keys: {@code learning-period}
     * (ISO-8601 duration such as {@code P7D} or {@code PT8H}), {@code max-principals}, {@code max-values-per-feature},
     * {@code max-active-minutes}, {@code volume-deviations}, {@code min-calls-per-minute},
     * {@code min-bytes-out-per-minute}, {@code evidence} ({@code copied} or {@code deferred}), and the
     * {@link AnomalyScoring} keys {@code report-new-api-alone}, {@code region-needs-account-novelty},
     * {@code user-agent-needs-account-novelty} ({@code true} or {@code false}), {@code sensitive-tactic-weight},
     * {@code medium-score}, {@code high-score}.
     *
     * @throws BaselineConfigException naming the file and line of the first problem (unknown key, bad value,
     *                                 duplicate key, invalid YAML) or saying the file cannot be read
     */
    public static BaselineSettings load(Path yaml) throws BaselineConfigException {
        String file = yaml.toString();
        try (InputStream in = Files.newInputStream(yaml)) {
            BaselineSettings s = defaults();
            for (FlatYaml.Entry e : FlatYaml.read(in, file)) {
                if (!e.isScalar()) {
                    throw new BaselineConfigException(file + "#line " + e.line() + ": '" + e.key()
                            + "' must have a plain value");
                }
                try {
                    s = s.with(e.key(), e.text().strip());
                } catch (IllegalArgumentException | DateTimeParseException bad) {
                    throw new BaselineConfigException(file + "#line " + e.line() + ": " + e.key() + ": "
                            + bad.getMessage(), bad);
                }
            }
            return s;
        } catch (NoSuchFileException e) {
            throw new BaselineConfigException(file + ": no such file; check the path", e);
        } catch (IOException e) {
            throw new BaselineConfigException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private BaselineSettings with(String key, String v) {
        return switch (key) {
            case "learning-period" -> withLearningPeriod(Duration.parse(v.toUpperCase(Locale.ROOT)));
            case "max-principals" -> new BaselineSettings(learningPeriod, integer(v), maxValuesPerFeature,
                    maxActiveMinutes, volumeDeviations, minCallsPerMinute, minBytesOutPerMinute, evidence, scoring);
            case "max-values-per-feature" -> new BaselineSettings(learningPeriod, maxPrincipals, integer(v),
                    maxActiveMinutes, volumeDeviations, minCallsPerMinute, minBytesOutPerMinute, evidence, scoring);
            case "max-active-minutes" -> new BaselineSettings(learningPeriod, maxPrincipals, maxValuesPerFeature,
                    integer(v), volumeDeviations, minCallsPerMinute, minBytesOutPerMinute, evidence, scoring);
            case "volume-deviations" -> new BaselineSettings(learningPeriod, maxPrincipals, maxValuesPerFeature,
                    maxActiveMinutes, number(v), minCallsPerMinute, minBytesOutPerMinute, evidence, scoring);
            case "min-calls-per-minute" -> new BaselineSettings(learningPeriod, maxPrincipals, maxValuesPerFeature,
                    maxActiveMinutes, volumeDeviations, whole(v), minBytesOutPerMinute, evidence, scoring);
            case "min-bytes-out-per-minute" -> new BaselineSettings(learningPeriod, maxPrincipals,
                    maxValuesPerFeature, maxActiveMinutes, volumeDeviations, minCallsPerMinute, whole(v), evidence,
                    scoring);
            case "evidence" -> withEvidence(switch (v.toLowerCase(Locale.ROOT)) {
                case "copied" -> EvidenceText.COPIED;
                case "deferred" -> EvidenceText.DEFERRED;
                default -> throw new IllegalArgumentException("'" + v + "' is not copied or deferred");
            });
            case "report-new-api-alone" -> withScoring(scoring.withReportNewApiAlone(bool(v)));
            case "region-needs-account-novelty" -> withScoring(scoring.withRegionNeedsAccountNovelty(bool(v)));
            case "user-agent-needs-account-novelty" ->
                    withScoring(scoring.withUserAgentNeedsAccountNovelty(bool(v)));
            case "sensitive-tactic-weight" -> withScoring(scoring.withSensitiveTacticWeight(integer(v)));
            case "medium-score" -> withScoring(scoring.withMediumScore(integer(v)));
            case "high-score" -> withScoring(scoring.withHighScore(integer(v)));
            default -> throw new IllegalArgumentException("unknown setting; expected one of learning-period,"
                    + " max-principals, max-values-per-feature, max-active-minutes, volume-deviations,"
                    + " min-calls-per-minute, min-bytes-out-per-minute, evidence, report-new-api-alone,"
                    + " region-needs-account-novelty, user-agent-needs-account-novelty, sensitive-tactic-weight,"
                    + " medium-score, high-score");
        };
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + v + "' is not true or false");
        };
    }

    private static int integer(String v) {
        long w = whole(v);
        if (w < Integer.MIN_VALUE || w > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'" + v + "' is too large");
        }
        return (int) w;
    }

    private static long whole(String v) {
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a whole number");
        }
    }

    private static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a number");
        }
    }
}
