package org.vpp.optimizer.model;

/**
 * A dispatchable generator: off (0 MW) or on between {@code minMw} (its minimum stable output) and {@code maxMw}, at a
 * fuel cost per MWh, with the rules of unit commitment:
 * <ul>
 *   <li>{@code rampMwPerMin}: between two slots in which it runs, its output changes by at most the ramp times the
 *       slot length; a start reaches, and a stop leaves from, at most {@code max(minMw, ramp per slot)};
 *   <li>{@code minUpSlots} / {@code minDownSlots}: once started it runs at least that many slots, once stopped it
 *       stays off at least that many (1: no rule);
 *   <li>{@code startUpCostEur}: paid at every start, including a start in slot 0 from an off state;
 *   <li>the state before slot 0: {@code initialMw} (0: off) held for the last {@code initialStateSlots} slots, so a
 *       unit started two slots ago with a minimum up time of four must run two more.
 * </ul>
 * A generator is "on" in a slot exactly when its output there is above zero.
 */
public record Generator(String id, double minMw, double maxMw, double costEurPerMwh, double rampMwPerMin,
                        int minUpSlots, int minDownSlots, double startUpCostEur, double initialMw,
                        int initialStateSlots) {

    /** {@code initialStateSlots} of a unit whose state before the horizon is long settled. */
    public static final int LONG_SETTLED = 1_000_000;

    public Generator {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("generator id is required");
        }
        if (!(minMw >= 0) || !(maxMw >= minMw) || !(costEurPerMwh >= 0) || Double.isInfinite(maxMw)) {
            throw new IllegalArgumentException("generator " + id + ": need 0 <= min <= max (finite) and cost >= 0");
        }
        if (!(rampMwPerMin > 0) || minUpSlots < 1 || minDownSlots < 1 || !(startUpCostEur >= 0)
                || Double.isInfinite(startUpCostEur) || initialStateSlots < 0) {
            throw new IllegalArgumentException("generator " + id + ": need ramp > 0, minimum up and down times >= 1 slot,"
                    + " start-up cost >= 0 and initialStateSlots >= 0");
        }
        if (initialMw != 0 && (initialMw < minMw || initialMw > maxMw)) {
            throw new IllegalArgumentException("generator " + id + ": the initial output must be 0 (off) or within"
                    + " [min, max], got " + initialMw);
        }
    }

    /** A generator without unit-commitment rules: any output in {0} or [min, max] in any slot, long off before. */
    public Generator(String id, double minMw, double maxMw, double costEurPerMwh) {
        this(id, minMw, maxMw, costEurPerMwh, Double.POSITIVE_INFINITY, 1, 1, 0.0, 0.0, LONG_SETTLED);
    }

    public Generator withCommitment(double ramp, int minUp, int minDown, double startUpCost) {
        return new Generator(id, minMw, maxMw, costEurPerMwh, ramp, minUp, minDown, startUpCost, initialMw,
                initialStateSlots);
    }

    public Generator withInitialState(double mw, int slots) {
        return new Generator(id, minMw, maxMw, costEurPerMwh, rampMwPerMin, minUpSlots, minDownSlots, startUpCostEur,
                mw, slots);
    }

    public boolean initiallyOn() {
        return initialMw > 0;
    }

    /** Whether any rule links one slot to another (the LP relaxation then only bounds it). */
    public boolean hasCommitmentRules() {
        return minUpSlots > 1 || minDownSlots > 1 || startUpCostEur > 0 || Double.isFinite(rampMwPerMin);
    }

    /** The largest change of output between two slots in which it runs. */
    public double rampPerSlotMw(double slotMinutes) {
        return rampMwPerMin * slotMinutes;
    }

    /** The highest output in a slot that starts it, or in the last slot before it stops. */
    public double startStopLimitMw(double slotMinutes) {
        return Math.min(maxMw, Math.max(minMw, rampPerSlotMw(slotMinutes)));
    }

    /**
     * Slots from slot 0 on in which the state before the horizon must be kept: the rest of a minimum up time when it
     * was started less than {@code minUpSlots} ago, the rest of a minimum down time when it was stopped less than
     * {@code minDownSlots} ago.
     */
    public int initiallyHeldSlots() {
        int rule = initiallyOn() ? minUpSlots : minDownSlots;
        return (int) Math.max(0, Math.min(rule, (long) rule - initialStateSlots));
    }
}
