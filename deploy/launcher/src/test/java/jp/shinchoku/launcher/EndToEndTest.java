package jp.shinchoku.launcher;

import jp.shinchoku.testsupport.SharedInfrastructure;

/** The end-to-end scenario on the in-process Kafka broker (KRaft) and MongoDB-wire store. */
class EndToEndTest extends EndToEndScenario {

    @Override
    String kafkaBootstrapServers() {
        return SharedInfrastructure.get().bootstrapServers();
    }

    @Override
    String mongoUri() {
        return SharedInfrastructure.get().mongoUri();
    }
}
