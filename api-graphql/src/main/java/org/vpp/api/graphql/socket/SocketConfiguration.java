package org.vpp.api.graphql.socket;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The WebSocket endpoint's handler: Spring Boot's own (same path, init timeout and keep-alive from
 * {@code spring.graphql.websocket.*}), made strict about what a client sends ({@link StrictGraphQlWebSocketHandler}).
 * Boot backs off from its handler when this bean exists and maps this one at the path.
 */
@Configuration(proxyBeanMethods = false)
public class SocketConfiguration {

    @Bean
    GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, GraphQlProperties properties) {
        GraphQlProperties.Websocket socket = properties.getWebsocket();
        return new StrictGraphQlWebSocketHandler(graphQlHandler, new JacksonJsonHttpMessageConverter(),
                socket.getConnectionInitTimeout(), socket.getKeepAlive());
    }
}
