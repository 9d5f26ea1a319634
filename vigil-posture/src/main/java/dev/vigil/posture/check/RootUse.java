package dev.vigil.posture.check;

import java.time.Instant;

/**
 * One use of an account's root user seen in CloudTrail, for the "no recent root use" check.
 *
 * @param account   the account
 * @param time      event time
 * @param eventName the API call or ConsoleLogin
 * @param sourceIp  sourceIPAddress as logged (attacker-controlled text; display escaped)
 */
public record RootUse(String account, Instant time, String eventName, String sourceIp) {
}
