package org.vpp.api.graphql.socket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The WebSocket endpoint's handler: what Spring Boot would build (the application's JSON mapper, the init timeout and
 * keep-alive of {@code spring.graphql.websocket.*}, the origins of {@code spring.graphql.cors.*}), made strict about
 * what a client sends ({@link StrictGraphQlWebSocketHandler}). Boot backs off from its own handler when this bean
 * exists and maps this one at the path.
 */
@Configuration(proxyBeanMethods = false)
public class SocketConfiguration {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, GraphQlProperties properties,
                                                    GraphQlCorsProperties cors, ObjectProvider<JsonMapper> json) {
        GraphQlProperties.Websocket socket = properties.getWebsocket();
        JsonMapper mapper = json.getIfAvailable(() -> JsonMapper.builder().build());
        return new StrictGraphQlWebSocketHandler(graphQlHandler, new JacksonJsonHttpMessageConverter(mapper),
                socket.getConnectionInitTimeout(), socket.getKeepAlive(), cors.toCorsConfiguration());
    }
}
