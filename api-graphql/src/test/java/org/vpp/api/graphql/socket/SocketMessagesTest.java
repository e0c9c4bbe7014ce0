package org.vpp.api.graphql.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a client may send over graphql-transport-ws, and why each other message is refused. */
class SocketMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"type":"connection_init","payload":{"Authorization":"Bearer x"}}
            {"type":"connection_init"}
            {"type":"ping","payload":null}
            {"type":"pong","payload":{}}
            {"id":"s1","type":"subscribe","payload":{"query":"subscription { alerts { kind } }"}}
            {"id":"s1","type":"subscribe","payload":{"query":"q","variables":{"a":1},"operationName":"Op","extensions":null}}
            {"id":"s1","type":"complete"}
            """)
    void aMessageTheProtocolDefinesPasses(String message) {
        assertThat(SocketMessages.problem(message)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"type":"subscribe"                                                   | not JSON
            `[]`                                                                  | not a JSON object
            42                                                                    | not a JSON object
            {"payload":{}}                                                        | type must be a string
            {"type":7}                                                            | type must be a string
            {"type":"next","id":"s1","payload":{}}                                | type must be one of
            {"type":"sub\\u0001scribe"}                                            | type must be one of
            {"type":"subscribe","payload":{"query":"q"}}                          | id must be a non-empty string
            {"id":12,"type":"subscribe","payload":{"query":"q"}}                  | id must be a non-empty string
            {"id":"","type":"subscribe","payload":{"query":"q"}}                  | id must be a non-empty string
            {"id":"a\\u0007b","type":"subscribe","payload":{"query":"q"}}          | id must not contain control characters
            {"id":"s1","type":"subscribe"}                                        | payload must be an object
            {"id":"s1","type":"subscribe","payload":"query"}                      | payload must be an object
            {"id":"s1","type":"subscribe","payload":{"query":12}}                 | payload.query must be a string
            {"id":"s1","type":"subscribe","payload":{"query":"q","variables":[]}} | payload.variables must be an object
            {"id":"s1","type":"subscribe","payload":{"query":"q","operationName":1}} | payload.operationName must be a string
            {"type":"complete"}                                                   | id must be a non-empty string
            {"type":"connection_init","payload":"token"}                          | payload must be an object
            """)
    void anyOtherMessageIsRefusedSayingWhy(String message, String why) {
        assertThat(SocketMessages.problem(message)).hasValueSatisfying(problem -> assertThat(problem).startsWith(why));
    }

    @org.junit.jupiter.api.Test
    void aLongIdIsRefusedAndAReasonIsCutToWhatACloseFrameHolds() {
        String longId = "x".repeat(SocketMessages.MAX_ID_LENGTH + 1);
        assertThat(SocketMessages.problem("{\"id\":\"" + longId + "\",\"type\":\"complete\"}"))
                .hasValue("id must be at most 256 characters");
        String reason = StrictGraphQlWebSocketHandler.reason("Invalid message: " + "é".repeat(100));
        assertThat(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(reason).startsWith("Invalid message: é");
    }
}
