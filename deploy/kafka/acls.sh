#!/usr/bin/env bash
# The Kafka users (SCRAM-SHA-512) and ACLs of the compose stack (deploy/compose.yaml). The kafka-init service runs this
# once the broker is healthy, in the broker's network namespace, over its loopback PLAINTEXT listener, where the
# caller is User:ANONYMOUS, a super user. Idempotent: each run sets the passwords again and adds only missing ACLs.
#
# The broker denies whatever no ACL allows. Each service may:
#   describe and create every shinchoku.* topic (each service declares all topics and their .DLT at start-up, and
#   creates those still missing);
#   write the topics it produces, read the topics it consumes and write their dead-letter topics (<topic>.DLT);
#   read in consumer groups under its prefix (groups are <service name>.<listener id>);
#   write idempotently (IdempotentWrite on the cluster: older brokers ask for it, newer ones take Write on a topic).
# A department's system may only write the report ingress, shinchoku.measurement.reports.
#
# A new department system: a SCRAM user and `system <user>` at the end, its password in the kafka-init service's
# environment (deploy/compose.yaml); its token comes from a client-credentials client in Keycloak.
#
# Against a broker that wants SASL or TLS from its clients (a production cluster), name the client settings file the
# Kafka tools take (security.protocol, sasl.mechanism, sasl.jaas.config of an operator with the rights to alter users
# and ACLs, ssl.truststore.location, ...):
#   BOOTSTRAP=kafka-1.example.lg.jp:9093 COMMAND_CONFIG=/etc/shinchoku/kafka-admin.properties ./acls.sh
set -euo pipefail

BOOTSTRAP=${BOOTSTRAP:-127.0.0.1:9094}
BIN=${KAFKA_BIN:-/opt/kafka/bin}
# the client settings passed to every tool (none on the loopback PLAINTEXT listener)
CLIENT=()
if [ -n "${COMMAND_CONFIG:-}" ]; then
    [ -r "$COMMAND_CONFIG" ] || { echo "COMMAND_CONFIG: cannot read $COMMAND_CONFIG" >&2; exit 2; }
    CLIENT=(--command-config "$COMMAND_CONFIG")
fi

# the topics (platform/contracts: jp.shinchoku.contracts.Topics)
PLAN_EVENTS=shinchoku.plan.events
KPI_DEFINITIONS=shinchoku.plan.kpi-definitions
DEPARTMENTS=shinchoku.plan.departments
MEASUREMENT_EVENTS=shinchoku.measurement.events
MEASUREMENT_REJECTIONS=shinchoku.measurement.rejections
KPI_PROGRESS=shinchoku.measurement.kpi-progress
MEASUREMENT_REPORTS=shinchoku.measurement.reports
ALERT_EVENTS=shinchoku.notification.alerts
ALERT_DELIVERIES=shinchoku.notification.deliveries

# scram <user> <password>: creates the user or sets its password
scram() {
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" ${CLIENT[@]+"${CLIENT[@]}"} --alter --entity-type users --entity-name "$1" \
        --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}

# allow <user> <kafka-acls options...>
allow() {
    local user=$1
    shift
    "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" ${CLIENT[@]+"${CLIENT[@]}"} --add --allow-principal "User:$user" "$@"
}

# service <user> <consumer group prefix>: what every service may do besides its own topics
service() {
    allow "$1" --resource-pattern-type prefixed --topic shinchoku. \
        --operation Describe --operation DescribeConfigs --operation Create
    allow "$1" --resource-pattern-type prefixed --group "$2" --operation Read
    allow "$1" --cluster --operation IdempotentWrite
}

# produces <user> <topic...>
produces() {
    local user=$1 topic
    shift
    local -a topics=()
    for topic in "$@"; do topics+=(--topic "$topic"); done
    allow "$user" --resource-pattern-type literal "${topics[@]}" --operation Write --operation Describe
}

# consumes <user> <topic...>: reads the topics, writes their dead-letter topics
consumes() {
    local user=$1 topic
    shift
    local -a topics=() dead_letters=()
    for topic in "$@"; do
        topics+=(--topic "$topic")
        dead_letters+=(--topic "$topic.DLT")
    done
    allow "$user" --resource-pattern-type literal "${topics[@]}" --operation Read --operation Describe
    allow "$user" --resource-pattern-type literal "${dead_letters[@]}" --operation Write --operation Describe \
        --operation Create
}

# system <user>: a department's own system, which reports on the ingress and does nothing else
system() {
    allow "$1" --resource-pattern-type literal --topic "$MEASUREMENT_REPORTS" --operation Write --operation Describe
}

scram admin "${ADMIN_PASSWORD:?}"
scram plan-service "${PLAN_SERVICE_PASSWORD:?}"
scram measurement-service "${MEASUREMENT_SERVICE_PASSWORD:?}"
scram notification-service "${NOTIFICATION_SERVICE_PASSWORD:?}"
scram setouchi-kikaku-system "${SETOUCHI_KIKAKU_SYSTEM_PASSWORD:?}"

service plan-service plan-
produces plan-service "$PLAN_EVENTS" "$KPI_DEFINITIONS" "$DEPARTMENTS"

service measurement-service measurement-
produces measurement-service "$MEASUREMENT_EVENTS" "$MEASUREMENT_REJECTIONS" "$KPI_PROGRESS"
consumes measurement-service "$PLAN_EVENTS" "$KPI_DEFINITIONS" "$MEASUREMENT_REPORTS"

service notification-service notification-
produces notification-service "$ALERT_EVENTS" "$ALERT_DELIVERIES"
consumes notification-service "$PLAN_EVENTS" "$KPI_DEFINITIONS" "$DEPARTMENTS" "$MEASUREMENT_EVENTS" "$KPI_PROGRESS"

system setouchi-kikaku-system

echo "Kafka users and ACLs are in place."
