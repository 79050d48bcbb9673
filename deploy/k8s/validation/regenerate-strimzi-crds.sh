#!/usr/bin/env bash
# Regenerates src/test/resources/crds/strimzi/*.yaml: the CustomResourceDefinitions of the Strimzi
# kinds the manifests use, produced by Strimzi's own CRD generator (io.strimzi:crd-generator) from
# its API model classes (io.strimzi:api), both from Maven Central, with the options Strimzi's
# build uses for its install files. No network access besides Maven Central is needed.
#
#   deploy/k8s/validation/regenerate-strimzi-crds.sh [STRIMZI_VERSION]     (default 1.2.0)
#
# Strimzi 1.x classes need Java 21+: set JAVA_HOME to such a JDK if `java` is older.
set -euo pipefail
version="${1:-1.2.0}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$here/src/test/resources/crds/strimzi"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! "$java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    [ -x "$candidate/bin/java" ] && java="$candidate/bin/java" && break
  done
fi
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>strimzi-crds</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.strimzi</groupId><artifactId>api</artifactId><version>$version</version></dependency>
    <dependency><groupId>io.strimzi</groupId><artifactId>crd-generator</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
(cd "$work" && "$root/mvnw" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=cp.txt)
mkdir -p "$out"
"$java" -cp "$(cat "$work/cp.txt")" io.strimzi.crdgenerator.CrdGenerator \
  --label app:strimzi --label strimzi.io/crd-install:true \
  --target-kube 1.16+ --crd-api-version v1 --api-versions v1 --storage-version v1 --yaml \
  io.strimzi.api.kafka.model.kafka.Kafka="$out/040-Crd-kafka.yaml" \
  io.strimzi.api.kafka.model.topic.KafkaTopic="$out/043-Crd-kafkatopic.yaml" \
  io.strimzi.api.kafka.model.user.KafkaUser="$out/044-Crd-kafkauser.yaml" \
  io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$out/045-Crd-kafkanodepool.yaml"
echo "$version" > "$out/VERSION"
echo "wrote $(ls "$out" | wc -l) files to $out (Strimzi $version)"
