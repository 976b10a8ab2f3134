package org.smartcamp.deploy.broker;

import java.util.Objects;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * A user of the shipped Mosquitto configuration (deploy/mosquitto). A gateway's user name is
 * {@code {mission}/{camp}/{gateway}}, which the ACL's {@code pattern write smartcamp/v1/%u/telemetry} turns into
 * the one topic it may publish on; a service user (the ingest) is any other name the ACL grants by {@code user}.
 *
 * @param name     the Mosquitto user name
 * @param password the clear-text password (only ever printed once, to the operator who generates it)
 */
public record BrokerUser(String name, String password) {

    public BrokerUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(password, "password");
        if (name.isEmpty() || name.contains(":") || name.contains("+") || name.contains("#")
                || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("broker user name '" + name
                + "' must be non-empty without ':', '+', '#' or spaces");
        }
    }

    /**
     * The user of a gateway given as {@code mission/camp/gateway}.
     *
     * @throws IllegalArgumentException when the text is not three valid ids separated by '/'
     */
    public static String gatewayUserName(String missionCampGateway) {
        String[] parts = missionCampGateway.split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("gateway '" + missionCampGateway
                + "' is not of the form mission/camp/gateway");
        }
        TopicAddress address = new TopicAddress(parts[0], parts[1], parts[2]);
        return address.mission() + "/" + address.camp() + "/" + address.gateway();
    }

    /** The topic a gateway user may publish on, as the ACL pattern grants it. */
    public static String gatewayTopic(String gatewayUserName) {
        return TopicAddress.ROOT + "/" + gatewayUserName + "/" + TopicAddress.TELEMETRY;
    }
}
