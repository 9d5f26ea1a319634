package dev.vigil.engine;

import dev.vigil.engine.testing.JsonEvent;
import dev.vigil.engine.testing.MapEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailFactsTest {

    private static final CloudTrailFacts FACTS = CloudTrailFacts.INSTANCE;

    private static JsonEvent event(String userIdentity) {
        return JsonEvent.of("""
                {"eventID":"e1","eventTime":"2024-05-01T10:00:00Z","awsRegion":"eu-west-1",
                 "recipientAccountId":"111122223333","userIdentity":%s}""".formatted(userIdentity));
    }

    @Test
    void accountAndRegion() {
        JsonEvent e = event("{\"type\":\"IAMUser\",\"accountId\":\"999988887777\"}");
        assertThat(FACTS.account(e)).isEqualTo("111122223333");
        assertThat(FACTS.region(e)).isEqualTo("eu-west-1");
        JsonEvent noRecipient = JsonEvent.of("{\"userIdentity\":{\"accountId\":\"999988887777\"}}");
        assertThat(FACTS.account(noRecipient)).isEqualTo("999988887777");
        assertThat(FACTS.region(noRecipient)).isEmpty();
    }

    @Test
    void principalPerIdentityType() {
        assertThat(FACTS.principal(event("""
                {"type":"Root","principalId":"111122223333","arn":"arn:aws:iam::111122223333:root"}""")))
                .isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(FACTS.principal(event("""
                {"type":"IAMUser","principalId":"AIDA1","arn":"arn:aws:iam::111122223333:user/alice","userName":"alice"}""")))
                .isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(FACTS.principal(event("""
                {"type":"AssumedRole","principalId":"AROA1:s","arn":"arn:aws:sts::111122223333:assumed-role/app/s",
                 "sessionContext":{"sessionIssuer":{"arn":"arn:aws:iam::111122223333:role/app"}}}""")))
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/app/s");
        assertThat(FACTS.principal(event("""
                {"type":"AWSService","invokedBy":"config.amazonaws.com"}"""))).isEqualTo("config.amazonaws.com");
        assertThat(FACTS.principal(event("""
                {"type":"FederatedUser","principalId":"111122223333:bob","arn":"arn:aws:sts::111122223333:federated-user/bob"}""")))
                .isEqualTo("111122223333:bob");
    }

    @Test
    void fallsBackWhenThePreferredFieldIsMissing() {
        assertThat(FACTS.principal(event("{\"type\":\"IAMUser\",\"principalId\":\"AIDA1\",\"userName\":\"alice\"}")))
                .isEqualTo("AIDA1");
        assertThat(FACTS.principal(event("{\"type\":\"IAMUser\",\"userName\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}")))
                .isEqualTo("HIDDEN_DUE_TO_SECURITY_REASONS");
        assertThat(FACTS.principal(event("{\"type\":\"AWSAccount\",\"arn\":\"arn:x\"}"))).isEqualTo("arn:x");
        assertThat(FACTS.principal(JsonEvent.of("{}"))).isEmpty();
    }

    @Test
    void oddValueTypesGiveEmptyFacts() {
        MapEvent e = new MapEvent(Map.of("recipientAccountId", List.of("1", "2"), "awsRegion", new Object(),
                "userIdentity.type", 7L, "userIdentity.arn", List.of()));
        assertThat(FACTS.account(e)).isEmpty();
        assertThat(FACTS.region(e)).isEmpty();
        assertThat(FACTS.principal(e)).isEmpty();
    }
}
