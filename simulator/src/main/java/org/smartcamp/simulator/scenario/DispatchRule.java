package org.smartcamp.simulator.scenario;

/** How several generator sets share the load. */
public enum DispatchRule {
    /** Start sets in list order as the load grows, stop the last one when the others can carry the load. */
    LOAD_FOLLOWING,
    /** Every set runs all the time and they share the load (one set per building, a common field problem). */
    ALL_RUNNING
}
