package org.vpp.optimizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpp.optimizer.model.AssetSchedule;

/** Reads plain records back out of the solver's working solution. */
final class ScheduleReader {

    private ScheduleReader() {
    }

    static List<AssetSchedule> assets(VppSolution solution, List<String> assetOrder) {
        Map<String, AssetSchedule> byId = new LinkedHashMap<>();
        Map<BatteryFact, List<BatteryLevel>> levels = new LinkedHashMap<>();
        for (BatteryLevel l : solution.batteryLevels) {
            levels.computeIfAbsent(l.battery, k -> new ArrayList<>()).add(l);
        }
        levels.forEach((fact, list) -> {
            list.sort(Comparator.comparingInt(BatteryLevel::slot));
            List<Double> power = new ArrayList<>();
            List<Double> soc = new ArrayList<>();
            for (int i = 1; i < list.size(); i++) {
                power.add(fact.powerMw(list.get(i - 1).level, list.get(i).level));
                soc.add(fact.socMwh(list.get(i).level));
            }
            byId.put(fact.id, new AssetSchedule(fact.id, power, soc));
        });
        Map<OutputFact, List<OutputLevel>> outputs = new LinkedHashMap<>();
        for (OutputLevel o : solution.outputLevels) {
            outputs.computeIfAbsent(o.asset, k -> new ArrayList<>()).add(o);
        }
        outputs.forEach((fact, list) -> {
            list.sort(Comparator.comparingInt(OutputLevel::slot));
            byId.put(fact.id, new AssetSchedule(fact.id, list.stream().map(OutputLevel::powerMw).toList(), List.of()));
        });
        return assetOrder.stream().map(byId::get).toList();
    }
}
