package org.vpp.simulator.series;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Independent, reproducible random streams derived from one run seed and a stream name (an asset id, "weather:cloud",
 * ...). Adding a new asset or series therefore never shifts the numbers another one sees.
 */
public final class SeedStreams {

    private SeedStreams() {
    }

    public static RandomGenerator stream(long seed, String name) {
        return new SplittableRandom(derive(seed, name));
    }

    /** A 64-bit seed mixed from {@code seed} and the UTF-8 bytes of {@code name} (FNV-1a, then SplitMix64). */
    public static long derive(long seed, String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        return mix64(seed ^ mix64(hash));
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
