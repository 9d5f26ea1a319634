package dev.vigil.posture.check.cloudwatch;

import java.util.Optional;

/**
 * A trail that sends its events to a CloudWatch Logs log group, where metric filters can count them.
 *
 * @param trailName      the trail's name
 * @param logGroupArn    {@code CloudWatchLogsLogGroupArn} as describe-trails prints it
 * @param logAccount     the log group's account (an organisation trail delivers to the management account's group)
 * @param logRegion      the log group's region; its metric filters and alarms live there
 * @param logGroupName   the log group's name
 */
record TrailDelivery(String trailName, String logGroupArn, String logAccount, String logRegion, String logGroupName) {

    /**
     * Parses {@code arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME[:*]}; empty for anything else (the ARN is
     * data from the export, so a malformed one is skipped rather than trusted).
     */
    static Optional<TrailDelivery> of(String trailName, String logGroupArn) {
        if (logGroupArn == null) {
            return Optional.empty();
        }
        String[] p = logGroupArn.split(":", -1);
        if (p.length < 7 || !p[0].equals("arn") || !p[2].equals("logs") || !p[5].equals("log-group")
                || !p[3].matches("[a-z]{2}(-[a-z]+)+-\\d") || !p[4].matches("\\d{12}") || p[6].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrailDelivery(trailName, logGroupArn, p[4], p[3], p[6]));
    }
}
