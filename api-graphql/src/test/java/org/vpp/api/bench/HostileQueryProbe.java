package org.vpp.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vpp.api.VppApplication;
import org.vpp.api.support.GraphQl;
import org.vpp.api.support.TestDatabase;

/**
 * Hostile-query probe ({@code ./vpp bench hostile}): starts the application on a fresh database with its default
 * limits, registers a site of 20 batteries, fires the hostile requests of issue 9 over HTTP (the deep
 * children/parent query, 1,000 aliases of fleet, a 20 MB variable, and a shallow query that multiplies lists) and
 * an ordinary query after each, and prints a markdown table: probe | answer | time to refusal. Asserts nothing.
 */
public final class HostileQueryProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String token;

    public static void main(String[] args) throws Exception {
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--vpp.telemetry.check-every=PT1H",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--vpp.simulation.enabled=false", "--vpp.forecast.enabled=false"));
        appArgs.addAll(TestDatabase.applicationArguments());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VppApplication.class).run(appArgs.toArray(String[]::new))) {
            token = GraphQl.adminToken(app);
            URI graphql = URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/graphql");
            aSiteOfTwentyBatteries(graphql);
            // The probes come from a VIEWER: the general bounds (an ADMIN's and an AUDITOR's are wider).
            token = app.getBean(org.vpp.api.security.ApiTokens.class).issue(new org.vpp.api.security.ApiTokens.Request(
                    "probe", org.vpp.api.security.Role.VIEWER, null, null), "probe").token();

            StringBuilder aliases = new StringBuilder("{");
            for (int i = 0; i < 1000; i++) aliases.append(" f").append(i).append(": fleet { installed { deviceCount } }");
            String deep = "{ asset(id: \\\"site\\\") { " + "children { edges { node { parent { ".repeat(50) + "id" + " } } } }".repeat(50) + " } }";
            String ordinary = query("{ asset(id: \\\"site\\\") { children { edges { node { id parent { id } } } } } }");

            System.out.println("| probe | answer | time to refusal |");
            System.out.println("|---|---|---|");
            probe(graphql, "deep asset/children/parent, 50 rounds (" + deep.length() + " bytes)", query(deep));
            probe(graphql, "1,000 aliases of fleet", query(aliases.append(" }").toString()));
            probe(graphql, "20 MB variable", "{\"query\": \"query($id: ID!) { asset(id: $id) { id } }\", \"variables\": {\"id\": \""
                    + "x".repeat(20 * 1024 * 1024) + "\"}}");
            probe(graphql, "assets(first: 1000) x children x children", query("{ assets(first: 1000) { edges { node { children { edges { node { children { edges { node { id } } } } } } } } } }"));
            probe(graphql, "ordinary query right after", ordinary);
        }
        // Axon leaves a non-daemon scheduler thread behind after the context closes; a probe must end.
        System.exit(0);
    }

    private static String query(String document) {
        return "{\"query\": \"" + document + "\"}";
    }

    private static void aSiteOfTwentyBatteries(URI graphql) throws Exception {
        post(graphql, mutation("{id: \\\"pf\\\", kind: PORTFOLIO, name: \\\"P\\\"}"));
        post(graphql, mutation("{id: \\\"site\\\", kind: SITE, name: \\\"S\\\", parentId: \\\"pf\\\"}"));
        for (int i = 0; i < 20; i++) {
            post(graphql, mutation("{id: \\\"bat-" + i + "\\\", kind: BATTERY, name: \\\"B\\\", parentId: \\\"site\\\", limits: {minPowerMw: -1, "
                    + "maxPowerMw: 1, energyCapacityMwh: 2, chargeEfficiency: 0.9, dischargeEfficiency: 0.9}}"));
        }
    }

    private static String mutation(String input) {
        return query("mutation { registerAsset(input: " + input + ") { status } }");
    }

    private static HttpResponse<String> post(URI uri, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void probe(URI uri, String name, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = post(uri, body);
        double ms = (System.nanoTime() - start) / 1e6;
        String answer = response.body();
        int message = answer.indexOf("\"message\":\"");
        String summary = message < 0 ? "answered (" + answer.length() + " bytes)"
                : answer.substring(message + 11, answer.indexOf('"', message + 11));
        System.out.printf(Locale.ROOT, "| %s | HTTP %d: %s | %.0f ms |%n", name, response.statusCode(), summary.replace("|", "\\|"), ms);
    }
}
