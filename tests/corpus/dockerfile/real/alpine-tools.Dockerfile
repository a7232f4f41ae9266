FROM alpine:3.19

# hadolint ignore=DL3018
RUN apk add --no-cache bash curl jq

RUN apk update && apk add git
RUN curl -fsSL https://example.com/install.sh | sh

WORKDIR /work
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
RUN chmod 777 /usr/local/bin/entrypoint.sh

USER nobody
ENTRYPOINT /usr/local/bin/entrypoint.sh
