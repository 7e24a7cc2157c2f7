#!/bin/sh
# Broker start of docker-compose.sasl.yml. The image formats its storage at every start but cannot
# add SCRAM credentials, and the broker needs its own (admin) to log in on its inter-broker listener
# from the first start. So: format first, with the users of SCRAM_USERS ("name=password ..."), then
# run the image's start script, whose own format step finds the storage formatted and goes on.
# --ignore-formatted: on a storage formatted before, nothing changes (users are then managed with
# kafka-configs.sh --alter --entity-type users).
set -eu

config=/tmp/format-with-scram.properties
cat >"$config" <<PROPERTIES
process.roles=${KAFKA_PROCESS_ROLES}
node.id=${KAFKA_NODE_ID}
controller.quorum.voters=${KAFKA_CONTROLLER_QUORUM_VOTERS}
controller.listener.names=${KAFKA_CONTROLLER_LISTENER_NAMES}
listeners=${KAFKA_LISTENERS}
advertised.listeners=${KAFKA_ADVERTISED_LISTENERS}
listener.security.protocol.map=${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP}
inter.broker.listener.name=${KAFKA_INTER_BROKER_LISTENER_NAME}
sasl.enabled.mechanisms=${KAFKA_SASL_ENABLED_MECHANISMS}
sasl.mechanism.inter.broker.protocol=${KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL}
log.dirs=${KAFKA_LOG_DIRS}
PROPERTIES

# One mechanism for the broker and its clients: the one it logs in with itself.
set --
for user in ${SCRAM_USERS}; do
  set -- "$@" --add-scram "${KAFKA_SASL_MECHANISM_INTER_BROKER_PROTOCOL}=[name=${user%%=*},password=${user#*=}]"
done

/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "${CLUSTER_ID}" --config "$config" "$@"
exec /etc/kafka/docker/run
