package dev.vigil.posture.check.backup;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often an AWS Backup rule's {@code ScheduleExpression} runs, as far as "at least daily" goes. AWS Backup
 * writes EventBridge-style expressions: {@code cron(minutes hours day-of-month month day-of-week year)} or
 * {@code rate(n unit)}.
 */
enum BackupSchedule {
    AT_LEAST_DAILY, LESS_OFTEN, UNREADABLE;

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d{1,6})\\s+(minutes?|hours?|days?)\\s*\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> EVERY_DAY_OF_MONTH = Set.of("*", "?", "*/1", "1/1", "1-31");
    private static final Set<String> EVERY_MONTH = Set.of("*", "*/1", "1/1", "1-12", "JAN-DEC");
    private static final Set<String> EVERY_DAY_OF_WEEK = Set.of("*", "?", "1-7", "SUN-SAT");

    static BackupSchedule of(String expression) {
        String e = expression == null ? "" : expression.strip().toUpperCase(Locale.ROOT);
        Matcher rate = RATE.matcher(e.toLowerCase(Locale.ROOT));
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            long minutes = switch (rate.group(2).charAt(0)) {
                case 'm' -> n;
                case 'h' -> n * 60;
                default -> n * 1440;
            };
            return n > 0 && minutes <= 1440 ? AT_LEAST_DAILY : LESS_OFTEN;
        }
        Matcher cron = CRON.matcher(e);
        if (!cron.matches()) {
            return UNREADABLE;
        }
        String[] f = cron.group(1).strip().split("\\s+");
        if (f.length != 6) {
            return UNREADABLE;
        }
        boolean everyDay = EVERY_DAY_OF_MONTH.contains(f[2]) && EVERY_MONTH.contains(f[3])
                && EVERY_DAY_OF_WEEK.contains(f[4]) && f[5].equals("*");
        return everyDay ? AT_LEAST_DAILY : LESS_OFTEN;
    }
}
