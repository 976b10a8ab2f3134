package org.smartcamp.deploy.demo;

import java.util.List;
import org.smartcamp.deploy.broker.DemoBroker;

/** The embedded MQTT broker, started when no broker is configured. */
final class BrokerComponent implements DemoComponent {
    private final int port;
    private DemoBroker broker;

    BrokerComponent(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "embedded MQTT broker";
    }

    @Override
    public void start() {
        broker = DemoBroker.start(port);
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public List<String> describe() {
        return List.of("MQTT broker:   tcp://127.0.0.1:" + port + " (embedded; gateways publish to "
            + "smartcamp/v1/{mission}/{camp}/{gateway}/telemetry)");
    }
}
