package org.vpp.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The VPP backend: GraphQL API, telemetry ingestion and the event-sourced fleet registry. */
@SpringBootApplication(scanBasePackages = {"org.vpp.api", "org.vpp.command"})
@ConfigurationPropertiesScan("org.vpp.api")
@EnableScheduling
public class VppApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(VppApplication.class, args);
    }
}
