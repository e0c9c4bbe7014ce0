package org.vpp.api.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's Jackson 3 serializer, able to read its own polymorphic values back. A processor that starts on an event
 * stream that already holds events stores a {@code ReplayToken}, whose context is typed {@code Object}; Jackson 3's
 * default validator refuses every subtype of {@code Object}, so such a token could be written but never claimed
 * again. Polymorphic resolution is allowed for Axon's types and this application's, nothing else.
 */
@Configuration(proxyBeanMethods = false)
public class SerializerConfiguration {

    @Bean
    public Jackson3SerializerCustomizer polymorphicTypesOfAxonAndTheVpp() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.vpp.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .allowIfSubType("java.lang.")
                .build());
    }
}
