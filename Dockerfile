# ModelGate in a container, built from this checkout:
#   docker build -t modelgate .
#   docker run --rm -v "$PWD:/work" modelgate scan /work/models
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package \
 && mkdir -p /opt/modelgate \
 && tar xzf cli/target/modelgate-*.tar.gz -C /opt/modelgate --strip-components=1

FROM eclipse-temurin:17-jre
COPY --from=build /opt/modelgate /opt/modelgate
# File names are decoded as UTF-8 whatever the image's default locale.
ENV LC_ALL=C.UTF-8
RUN ln -s /opt/modelgate/bin/modelgate /usr/local/bin/modelgate
# The class-data sharing archive that shortens start-up (docs/install.md), built into the image by one scan of
# a tiny pickle; without it every fresh container would pay the first run again.
ENV MODELGATE_CACHE_DIR=/opt/modelgate/cache
RUN printf '\200\004K\001.' > /tmp/probe.pkl \
 && (modelgate scan --quiet /tmp/probe.pkl || true) \
 && rm -f /tmp/probe.pkl && chmod -R a+rX /opt/modelgate/cache 2>/dev/null || true
WORKDIR /work
ENTRYPOINT ["modelgate"]
