package dev.vigil.posture.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.posture.inventory.Inventory;
import dev.vigil.posture.inventory.Resource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceAddressesFromInventoryTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Resource item(String type, String id, String configuration, String captured) throws IOException {
        return new Resource(type, id, "", "", "111122223333", "eu-west-1", "OK", Instant.parse(captured), Map.of(),
                JSON.readTree(configuration), null, List.of(), "config.json#" + id);
    }

    @Test
    void collectsEveryAddressAnInstanceHadFromInstancesInterfacesAndElasticIps() throws IOException {
        Inventory inventory = new Inventory();
        inventory.add(item("AWS::EC2::Instance", "i-0abc1234def567890", """
                {"instanceId":"i-0abc1234def567890","privateIpAddress":"10.0.1.15","publicIpAddress":"192.0.2.140",
                 "networkInterfaces":[{"privateIpAddress":"10.0.1.15",
                   "privateIpAddresses":[{"privateIpAddress":"10.0.1.15","association":{"publicIp":"192.0.2.140"}},
                                         {"privateIpAddress":"10.0.1.16","association":{"publicIp":"192.0.2.141"}}],
                   "ipv6Addresses":[{"ipv6Address":"2001:DB8:0:0::10"}]}]}
                """, "2026-10-01T00:00:00Z"));
        inventory.add(item("AWS::EC2::NetworkInterface", "eni-1", """
                {"attachment":{"instanceId":"i-0abc1234def567890"},"association":{"publicIp":"198.51.100.44"}}
                """, "2026-10-01T00:00:00Z"));
        inventory.add(item("AWS::EC2::EIP", "eipalloc-1", """
                {"instanceId":"i-0fff","publicIp":"203.0.113.9"}
                """, "2026-10-01T00:00:00Z"));
        inventory.add(item("AWS::EC2::Instance", "i-0broken", """
                {"privateIpAddress":{"not":"text"},"publicIpAddress":"999.1.1.1","networkInterfaces":"nope"}
                """, "2026-10-01T00:00:00Z"));
        InstanceAddressesFromInventory known = InstanceAddressesFromInventory.of(inventory);
        String i = "i-0abc1234def567890";
        assertThat(known.owns(i, "10.0.1.15")).isTrue();
        assertThat(known.owns(i, "192.0.2.140")).isTrue();
        assertThat(known.owns(i, "192.0.2.141")).isTrue();
        assertThat(known.owns(i, "2001:db8::10")).isTrue();
        assertThat(known.owns(i, "198.51.100.44")).isTrue();
        assertThat(known.owns("i-0fff", "203.0.113.9")).isTrue();
        assertThat(known.owns(i, "203.0.113.9")).isFalse();
        assertThat(known.owns("i-0other", "10.0.1.15")).isFalse();
        assertThat(known.owns("i-0broken", "999.1.1.1")).isFalse();
        assertThat(known.owns(i, "not an address")).isFalse();
        assertThat(known.instances()).isEqualTo(2);
    }

    @Test
    void historyCapturesAddTheAddressesAnInstanceHadBefore() throws IOException {
        InstanceAddressesFromInventory known = InstanceAddressesFromInventory.of(List.of(
                item("AWS::EC2::Instance", "i-1", "{\"publicIpAddress\":\"192.0.2.1\"}", "2026-09-01T00:00:00Z"),
                item("AWS::EC2::Instance", "i-1", "{\"publicIpAddress\":\"192.0.2.2\"}", "2026-10-01T00:00:00Z")));
        assertThat(known.owns("i-1", "192.0.2.1")).isTrue();
        assertThat(known.owns("i-1", "192.0.2.2")).isTrue();
    }
}
