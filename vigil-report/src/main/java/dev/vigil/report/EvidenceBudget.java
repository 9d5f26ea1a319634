package dev.vigil.report;

/**
 * How much evidence the HTML report shows per finding, so that a scan with thousands of findings still gives
 * a file a browser opens comfortably.
 *
 * <p>A few findings get all their kept evidence; as findings grow, each shows fewer rows and raw records, but
 * never fewer than {@link #MIN_ROWS} rows and one raw record, so every finding can still be checked against
 * its source. The caps are the same for every finding of a report, which keeps the report easy to explain.
 *
 * @param rowsPerFinding    evidence table rows shown per finding
 * @param rawPerFinding     raw records (pretty-printed JSON) shown per finding
 * @param maxDetailed       findings listed and detailed; the rest are counted in the summary only
 * @param maxRawChars       characters of one pretty-printed raw record shown before it is cut
 */
record EvidenceBudget(int rowsPerFinding, int rawPerFinding, int maxDetailed, int maxRawChars) {

    static final int TOTAL_ROWS = 10_000;
    static final int TOTAL_RAW = 1_000;
    static final int MIN_ROWS = 5;
    static final int MAX_ROWS = 50;
    static final int MAX_RAW = 10;
    static final int MAX_DETAILED = 2_000;
    static final int MAX_RAW_CHARS = 64 * 1024;

    static EvidenceBudget forFindings(int findings) {
        int n = Math.max(1, Math.min(findings, MAX_DETAILED));
        return new EvidenceBudget(
                clamp(TOTAL_ROWS / n, MIN_ROWS, MAX_ROWS),
                clamp(TOTAL_RAW / n, 1, MAX_RAW),
                MAX_DETAILED,
                MAX_RAW_CHARS);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
