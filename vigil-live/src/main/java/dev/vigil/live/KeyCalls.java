package dev.vigil.live;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.kms.KmsClient;

/** KMS: every key's policy and rotation status, found through {@code list-keys} (kept too, for the record). */
final class KeyCalls {

    private KeyCalls() {
    }

    static void collect(Scope scope, CallRecorder recorder) {
        KmsClient kms = scope.client(KmsClient.builder());
        recorder.paged(scope, "kms", "list-keys", "", () -> kms.listKeysPaginator(r -> { })).ifPresent(keys -> {
            for (JsonNode key : keys.path("Keys")) {
                String keyId = key.path("KeyId").asText("");
                if (keyId.isEmpty()) {
                    continue;
                }
                recorder.single(scope, "kms", "get-key-policy", keyId,
                        () -> kms.getKeyPolicy(r -> r.keyId(keyId).policyName("default")));
                recorder.single(scope, "kms", "get-key-rotation-status", keyId,
                        () -> kms.getKeyRotationStatus(r -> r.keyId(keyId)));
            }
        });
    }
}
