package dev.vigil.posture.inventory;

import java.util.regex.Pattern;

/**
 * What counts as an AWS region name in the inputs: letters, dash-separated words, a number — which covers the
 * commercial partition ({@code eu-west-1}), GovCloud ({@code us-gov-west-1}), China ({@code cn-north-1}), the
 * isolated partitions ({@code us-isob-east-1}) and the European Sovereign Cloud ({@code eusc-de-east-1}) without a
 * list that goes stale when AWS opens a region. The text is attacker-controlled, so it is checked for shape.
 */
public final class RegionNames {

    /** The shape of a region name (without {@code global}). */
    public static final Pattern PATTERN = Pattern.compile("[a-z]{2,8}(-[a-z]{1,16}){1,4}-\\d{1,2}");

    private RegionNames() {
    }

    /** True for a region name such as {@code eu-west-1}; {@code global} is not a region. */
    public static boolean isRegion(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    /** A region name, or {@code global} (Config's region for IAM and other global resources). */
    public static boolean isRegionOrGlobal(String text) {
        return "global".equals(text) || isRegion(text);
    }
}
