package org.smartcamp.simulator.scenario;

/** The camp: its id (the prefix of every asset id), where it is and how many people live in it. */
public record CampSpec(String id, String name, double latitude, double longitude, int population) {

    /** The globally unique id of the camp's asset {@code localId}: {@code {camp}-{localId}}. */
    public String assetId(String localId) {
        return id + "-" + localId;
    }
}
