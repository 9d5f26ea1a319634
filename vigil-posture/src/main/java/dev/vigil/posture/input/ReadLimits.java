package dev.vigil.posture.input;

/**
 * Bounds that keep hostile or accidental input from exhausting memory.
 *
 * @param maxItemBytes        largest single configuration item read (bytes of JSON); a larger one ends the
 *                            file's reading
 * @param maxDecompressedBytes largest decompressed size of one gzip file
 * @param maxSupplementBytes  largest supplementary export read (they are read whole)
 * @param maxPolicyBytes      largest policy file read
 * @param maxApiCalls         CloudTrail write calls kept for attribution
 * @param maxRootUses         root uses kept (they are rare; the bound only matters for hostile input)
 * @param maxProblems         problems listed; further ones are only counted
 */
public record ReadLimits(long maxItemBytes, long maxDecompressedBytes, long maxSupplementBytes, long maxPolicyBytes,
                         int maxApiCalls, int maxRootUses, int maxProblems) {

    public ReadLimits {
        if (maxItemBytes <= 0 || maxDecompressedBytes <= 0 || maxSupplementBytes <= 0 || maxPolicyBytes <= 0
                || maxApiCalls < 0 || maxRootUses < 0 || maxProblems < 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    /**
     * 32 MiB items, 16 GiB per gzip file, 64 MiB exports, 1 MiB policy, a million calls, 100 000 root uses,
     * 1 000 problems listed.
     */
    public static final ReadLimits DEFAULT = new ReadLimits(32L << 20, 16L << 30, 64L << 20, 1L << 20,
            1_000_000, 100_000, 1_000);
}
