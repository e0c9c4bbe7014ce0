package org.vpp.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpp.api.support.ApiIT;
import org.vpp.kernel.AssetKind;
import org.vpp.kernel.TechnicalLimits;
import org.vpp.messages.asset.AssetId;
import org.vpp.messages.asset.DecommissionAsset;
import org.vpp.messages.asset.MoveAsset;
import org.vpp.messages.asset.RegisterAsset;

/**
 * The tree's rules hold under concurrent commands on the real store: registrations only share the tree (they run side
 * by side), yet a parent is never decommissioned while a child is being registered under it, and two concurrent moves
 * never close a cycle.
 */
class TreeLocksIT extends ApiIT {

    private static final TechnicalLimits BATTERY = TechnicalLimits.storage(-1, 1, 2, 0.95, 0.95, 1.0, 0.05, 0.95, 0.1);

    @Autowired
    CommandGateway commands;

    private void group(String id, AssetKind kind, String parent) {
        commands.sendAndWait(new RegisterAsset(AssetId.of(id), kind, id, parent == null ? null : AssetId.of(parent), null,
                TechnicalLimits.groupWithGridLimit(null), null));
    }

    private static boolean succeeded(Future<?> f) throws InterruptedException {
        try {
            f.get();
            return true;
        } catch (java.util.concurrent.ExecutionException refused) {
            return false;
        }
    }

    private List<Future<Object>> together(List<Callable<Object>> work) {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        List<Future<Object>> futures = new ArrayList<>();
        for (Callable<Object> w : work) futures.add(pool.submit(() -> {
            go.await();
            return w.call();
        }));
        go.countDown();
        pool.shutdown();
        return futures;
    }

    @Test
    void aParentIsNeverDecommissionedWhileChildrenAreRegisteredUnderIt() throws Exception {
        String pf = id("pf-lock");
        group(pf, AssetKind.PORTFOLIO, null);
        for (int round = 0; round < 20; round++) {
            String site = id("site-lock-" + round);
            group(site, AssetKind.SITE, pf);
            List<Callable<Object>> work = new ArrayList<>();
            work.add(() -> commands.sendAndWait(new DecommissionAsset(AssetId.of(site), "round " + site)));
            for (int c = 0; c < 4; c++) {
                String child = site + "-bat-" + c;
                work.add(() -> commands.sendAndWait(new RegisterAsset(AssetId.of(child), AssetKind.BATTERY, child,
                        AssetId.of(site), null, BATTERY, null)));
            }
            List<Future<Object>> done = together(work);
            boolean siteGone = succeeded(done.getFirst());
            int children = 0;
            for (Future<Object> f : done.subList(1, done.size())) children += succeeded(f) ? 1 : 0;
            Integer active = jdbc.queryForObject("SELECT count(*) FROM asset_topology WHERE parent_id = ? AND NOT decommissioned",
                    Integer.class, site);
            assertThat(active).as("round %s", round).isEqualTo(children);
            if (siteGone) {
                assertThat(children).as("round %s: decommissioned with children registered", round).isZero();
            }
        }
    }

    @Test
    void twoConcurrentMovesNeverCloseACycle() throws Exception {
        String pf = id("pf-move");
        group(pf, AssetKind.PORTFOLIO, null);
        for (int round = 0; round < 20; round++) {
            String a = id("rg-a-" + round);
            String b = id("rg-b-" + round);
            group(a, AssetKind.REGION, pf);
            group(b, AssetKind.REGION, pf);
            List<Future<Object>> done = together(List.of(
                    () -> commands.sendAndWait(new MoveAsset(AssetId.of(a), AssetId.of(b))),
                    () -> commands.sendAndWait(new MoveAsset(AssetId.of(b), AssetId.of(a)))));
            int moved = (succeeded(done.get(0)) ? 1 : 0) + (succeeded(done.get(1)) ? 1 : 0);
            assertThat(moved).as("round %s: both moves applied would make %s and %s each other's parent", round, a, b)
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void concurrentRegistrationsUnderOneParentAllSucceed() throws Exception {
        String pf = id("pf-many");
        group(pf, AssetKind.PORTFOLIO, null);
        String site = id("site-many");
        group(site, AssetKind.SITE, pf);
        List<Callable<Object>> work = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            String child = site + "-bat-" + c;
            work.add(() -> commands.sendAndWait(new RegisterAsset(AssetId.of(child), AssetKind.BATTERY, child,
                    AssetId.of(site), null, BATTERY, null)));
        }
        for (Future<Object> f : together(work)) assertThat(succeeded(f)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset_topology WHERE parent_id = ?", Integer.class, site)).isEqualTo(8);
    }
}
