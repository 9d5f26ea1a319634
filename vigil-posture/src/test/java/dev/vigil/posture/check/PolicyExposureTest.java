package dev.vigil.posture.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyExposureTest {

    private static List<PolicyExposure.PublicGrant> grants(String statementJson) {
        JsonNode doc = EstateFixture.json("{\"Version\":\"2012-10-17\",\"Statement\":" + statementJson + "}");
        return PolicyExposure.publicGrants(doc);
    }

    @Test
    void anAllowToEveryoneWithoutConditionIsPublicAndNamedBySidOrPosition() {
        List<PolicyExposure.PublicGrant> found = grants("""
                [{"Sid":"Owner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"},
                 {"Effect":"Allow","Principal":"*","Action":["s3:GetObject"],"Resource":"*"}]""");
        assertThat(found).extracting(PolicyExposure.PublicGrant::sid).containsExactly("#2");
        assertThat(found.get(0).describe()).contains("s3:GetObject").contains("#2");
    }

    @Test
    void aWildcardInsideAnAwsPrincipalListIsPublic() {
        assertThat(grants("""
                {"Sid":"Mixed","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root","*"]},"Action":"kms:Decrypt","Resource":"*"}"""))
                .extracting(PolicyExposure.PublicGrant::sid).containsExactly("Mixed");
    }

    @Test
    void anIamArnWithAWildcardAccountIsPublicButAServicePrincipalIsNot() {
        assertThat(grants("""
                [{"Sid":"AnyRoot","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::*:root"},"Action":"kms:Decrypt","Resource":"*"},
                 {"Sid":"Trail","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"*"}]"""))
                .extracting(PolicyExposure.PublicGrant::sid).containsExactly("AnyRoot");
    }

    @Test
    void positiveConditionsOnCallerKeysRestrict() {
        assertThat(grants("""
                [{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}},
                 {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":["111111111111"]}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"*","Condition":{"ArnLike":{"AWS:SourceArn":"arn:aws:cloudtrail:*:111111111111:trail/*"}}}]"""))
                .isEmpty();
    }

    @Test
    void negatedIfExistsWildcardAndOpenNetworkConditionsDoNotRestrict() {
        assertThat(grants("""
                [{"Sid":"a","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-abc123"}}},
                 {"Sid":"b","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:SourceAccount":"111111111111"}}},
                 {"Sid":"c","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"StringLike":{"aws:SourceArn":"*"}}},
                 {"Sid":"d","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}},
                 {"Sid":"e","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]"""))
                .extracting(PolicyExposure.PublicGrant::sid).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void likePatternsWhoseAccountOrOrganisationIsAWildcardDoNotRestrict() {
        assertThat(grants("""
                [{"Sid":"arn","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:SourceArn":"arn:aws:*"}}},
                 {"Sid":"anyAcct","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:*"}}},
                 {"Sid":"arnLikeAcct","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:1111*:topic"}}},
                 {"Sid":"crossColons","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:SourceArn":"arn:aws:*:*:111111111111:*"}}},
                 {"Sid":"org","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:PrincipalOrgID":"o-*"}}},
                 {"Sid":"orgPath","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-*/r-ab12/*"}}},
                 {"Sid":"oneOpen","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:SourceAccount":["111111111111","2*"]}}},
                 {"Sid":"anyBucket","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::*"}}}]"""))
                .extracting(PolicyExposure.PublicGrant::sid)
                .containsExactly("arn", "anyAcct", "arnLikeAcct", "crossColons", "org", "orgPath", "oneOpen", "anyBucket");
    }

    @Test
    void likePatternsThatPinTheOwnerStillRestrict() {
        assertThat(grants("""
                [{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/*"}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:*:*:111111111111:*"}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-abc123/r-ab12/*"}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringLike":{"aws:userid":"AROAEXAMPLEID:*"}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::my-bucket/*"}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceArn":"arn:aws:*"}}}]"""))
                .isEmpty();
    }

    @Test
    void aNetworkWithPrefixZeroIsOpenHoweverTheAddressIsWritten() {
        assertThat(grants("""
                [{"Sid":"v4","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"1.2.3.4/0"}}},
                 {"Sid":"v6","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"0::/0"}}},
                 {"Sid":"v6long","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/00"]}}},
                 {"Sid":"junk","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"anywhere"}}},
                 {"Sid":"narrow","Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32","198.51.100.7"]}}}]"""))
                .extracting(PolicyExposure.PublicGrant::sid).containsExactly("v4", "v6", "v6long", "junk");
    }

    @Test
    void denyStatementsAreNeverGrantsButNotPrincipalAllowsAre() {
        assertThat(grants("""
                [{"Sid":"deny","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"},
                 {"Sid":"np","Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:*","Resource":"*"}]"""))
                .extracting(PolicyExposure.PublicGrant::sid).containsExactly("np");
    }

    @Test
    void oddShapesAreNotPublicAndDoNotThrow() {
        assertThat(grants("[1, \"x\", {\"Effect\":\"Allow\",\"Principal\":42}]")).isEmpty();
        assertThat(PolicyExposure.isPublicPrincipal(null)).isFalse();
        assertThat(PolicyExposure.hasRestrictingCondition(EstateFixture.json("[1]"))).isFalse();
    }

    @Test
    void actionsMatchCaseInsensitivelyAndResourcesCaseSensitively() {
        assertThat(PolicyExposure.actionMatches("s3:*", "s3:GetObject")).isTrue();
        assertThat(PolicyExposure.actionMatches("S3:get*", "s3:GetObject")).isTrue();
        assertThat(PolicyExposure.actionMatches("*", "kms:Decrypt")).isTrue();
        assertThat(PolicyExposure.actionMatches("s3:Put*", "s3:GetObject")).isFalse();
        assertThat(PolicyExposure.actionMatches("s3:GetObjec?", "s3:GetObject")).isTrue();
        assertThat(PolicyExposure.resourceMatches("arn:aws:s3:::data/*", "arn:aws:s3:::data/key")).isTrue();
        assertThat(PolicyExposure.resourceMatches("arn:aws:s3:::data/*", "arn:aws:s3:::data")).isFalse();
        assertThat(PolicyExposure.resourceMatches("arn:aws:s3:::DATA/*", "arn:aws:s3:::data/key")).isFalse();
    }
}
