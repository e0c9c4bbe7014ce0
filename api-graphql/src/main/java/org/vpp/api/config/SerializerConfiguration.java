package org.vpp.api.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vpp.command.asset.Asset;
import org.vpp.command.forecast.ForecastSource;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon's Jackson 3 serializer, able to read its own polymorphic values back. A processor that starts on an event
 * stream that already holds events stores a {@code ReplayToken}, whose context is typed {@code Object}; Jackson 3's
 * default validator refuses every subtype of {@code Object}, so such a token could be written but never claimed
 * again. Polymorphic resolution is allowed for Axon's types and this application's, nothing else.
 */
@Configuration(proxyBeanMethods = false)
public class SerializerConfiguration {

    /**
     * A snapshot holds the aggregate itself. The aggregates keep their state in private fields without getters (they
     * are no beans), so their snapshots are written and read field by field, into an instance made by the no-argument
     * constructor (never by a command-handling constructor); events and every other value keep the serializer's
     * defaults.
     */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
            creatorVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class SnapshotOfFields {
    }

    /** One customizer: Axon applies a single {@code Jackson3SerializerCustomizer} bean, none when there are two. */
    @Bean
    public Jackson3SerializerCustomizer polymorphicTypesAndSnapshots() {
        return mapper -> mapper.addMixIn(Asset.class, SnapshotOfFields.class).addMixIn(ForecastSource.class, SnapshotOfFields.class)
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .allowIfSubType("org.vpp.")
                .allowIfSubType("java.util.")
                .allowIfSubType("java.time.")
                .allowIfSubType("java.lang.")
                .build());
    }
}
