package dev.vigil.posture.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionNamesTest {

    @Test
    void everyPartitionsRegionNamesAreRegions() {
        for (String r : new String[]{"eu-west-1", "us-east-1", "ap-southeast-5", "us-gov-west-1", "cn-north-1",
                "us-isob-east-1", "eusc-de-east-1", "mx-central-1"}) {
            assertThat(RegionNames.isRegion(r)).as(r).isTrue();
        }
        assertThat(RegionNames.isRegionOrGlobal("global")).isTrue();
        assertThat(RegionNames.isRegion("global")).isFalse();
    }

    @Test
    void otherTextIsNot() {
        for (String r : new String[]{"", "eu", "EU-WEST-1", "eu-west", "eu-west-1\u001b", "../eu-west-1",
                "eu-west-123", "a-b-1", "eu-west-1 ", null}) {
            assertThat(RegionNames.isRegionOrGlobal(r)).as(String.valueOf(r)).isFalse();
        }
    }
}
