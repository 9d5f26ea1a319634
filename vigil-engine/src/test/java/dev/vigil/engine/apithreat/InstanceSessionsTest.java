package dev.vigil.engine.apithreat;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written reading of an instance session's principal id answers as the regular expression it replaced. */
class InstanceSessionsTest {

    private static final Pattern EXPRESSION = Pattern.compile(":(i-[0-9a-fA-F]{8}(?:[0-9a-fA-F]{9})?)$");

    private static String byExpression(String s) {
        Matcher m = EXPRESSION.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void realAndBrokenPrincipalIds() {
        assertThat(InstanceSessions.instanceId("AROAEXAMPLEID:i-0123456789abcdef0")).isEqualTo("i-0123456789abcdef0");
        assertThat(InstanceSessions.instanceId("AROAEXAMPLEID:i-0123abcd")).isEqualTo("i-0123abcd");
        assertThat(InstanceSessions.instanceId("AROAEXAMPLEID:botocore-session-1700000000")).isNull();
        assertThat(InstanceSessions.instanceId("AROAEXAMPLEID:i-0123456789abcdef")).as("16 digits").isNull();
        assertThat(InstanceSessions.instanceId("i-0123456789abcdef0")).as("no colon").isNull();
        assertThat(InstanceSessions.instanceId("")).isNull();
        assertThat(InstanceSessions.instanceId(null)).isNull();
    }

    @Test
    void answersAsTheExpressionOnRandomText() {
        Random r = new Random(20261207);
        String alphabet = "0123456789abcdefABCDEFgxi-:I";
        int found = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder s = new StringBuilder();
            int len = r.nextInt(12);
            for (int i = 0; i < len; i++) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            if (r.nextBoolean()) {
                s.append(":i-");
                int digits = r.nextInt(4) == 0 ? r.nextInt(20) : r.nextBoolean() ? 8 : 17;
                for (int i = 0; i < digits; i++) {
                    s.append("0123456789abcdefABCDEFx".charAt(r.nextInt(r.nextInt(30) == 0 ? 23 : 22)));
                }
                if (r.nextInt(10) == 0) {
                    s.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            String text = s.toString();
            String expected = byExpression(text);
            found += expected == null ? 0 : 1;
            assertThat(InstanceSessions.instanceId(text)).as(text).isEqualTo(expected);
        }
        assertThat(found).isGreaterThan(30_000);
    }
}
