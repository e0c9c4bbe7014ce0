package org.vpp.api.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a person where the application answers. */
@Component
public class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    @EventListener
    public void onWebServer(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        log.info("VPP backend ready: GraphQL at http://localhost:{}/graphql, GraphiQL at http://localhost:{}/graphiql, "
                + "bulk telemetry at POST http://localhost:{}/api/telemetry, dashboard at http://localhost:{}/", port, port, port, port);
    }
}
