package org.vpp.optimizer;

/** The non-storage assets the solver schedules by choosing one of a few power options per slot. */
enum OutputKind {
    RENEWABLE, GENERATOR, FLEXIBLE_LOAD, EV_SESSION
}
