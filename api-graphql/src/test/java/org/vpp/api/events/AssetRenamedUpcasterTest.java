package org.vpp.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AssetRenamedUpcasterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void revisionOneNameBecomesToWithAnUnknownFrom() {
        ObjectNode v1 = (ObjectNode) JSON.readTree("{\"assetId\":{\"value\":\"bat-1\"},\"name\":\"Home battery\"}");
        assertThat(AssetRenamedUpcaster.revision2(v1).toString())
                .isEqualTo("{\"assetId\":{\"value\":\"bat-1\"},\"from\":null,\"to\":\"Home battery\"}");
    }
}
