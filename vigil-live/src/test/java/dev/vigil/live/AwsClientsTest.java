package dev.vigil.live;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's credentials outlive the clients built on them: a scope's clients close when the scope is released, and an
 * SDK client closes the provider it was built with, so clients only borrow it.
 */
class AwsClientsTest {

    @Test
    void releasingAScopesClientsLeavesTheRunsCredentialsOpen() {
        S3ExportSourceTest.ClosingProvider own = new S3ExportSourceTest.ClosingProvider();
        LiveOptions options = LiveOptions.defaults().withCredentials(own)
                .withEndpoint(URI.create("http://127.0.0.1:9"));
        try (AwsClients clients = new AwsClients(options)) {
            clients.useFor("111111111111", clients.base());
            Scope scope = new Scope("111111111111", "us-east-1", clients);
            StsClient sts = scope.client(StsClient.builder());
            assertThat(sts).isNotNull();
            clients.release(scope);
            assertThat(own.closed).as("a released scope's client must not close the run's credentials").isFalse();
            assertThat(scope.in("eu-west-1").client(StsClient.builder())).isNotSameAs(sts);
            clients.baseClient(StsClient.builder(), AwsClients.HOME_REGION).close();
            assertThat(own.closed).isFalse();
        }
        assertThat(own.closed).as("credentials the caller gave are the caller's to close").isFalse();
        assertThat(new AwsClients.Borrowed(own).resolveCredentials().accessKeyId()).isEqualTo("auditor");
    }
}
