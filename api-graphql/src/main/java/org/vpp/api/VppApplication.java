package org.vpp.api;

import org.slf4j.LoggerFactory;
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
        if (args.length > 0 && args[0].equals("simulate")) {
            org.vpp.api.simulation.Simulate.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        try {
            SpringApplication.run(VppApplication.class, args);
        } catch (Throwable failure) {
            // Spring has logged the details and closed the context, but threads Axon started before the failure are
            // not daemons and would keep a JVM alive that serves nothing. A failed start ends the process.
            LoggerFactory.getLogger(VppApplication.class).error("VPP backend did not start: {}", rootCause(failure));
            System.exit(1);
        }
    }

    /** The innermost cause says what went wrong (a bean creation failure wraps it many times over). */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.toString();
    }
}
