# syntax=docker/dockerfile:1.7
ARG GO_VERSION=1.22

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath -o /out/server ./cmd/server
RUN go install github.com/go-delve/delve/cmd/dlv@v1.22.1

FROM gcr.io/distroless/static-debian12:nonroot@sha256:6f3ad9ddbd8d3e1c4f05e38bd5bd3ea4d0d7f3a5b1bd6c1e53e3a2b7d2c4e8f1
COPY --from=build /out/server /server
EXPOSE 8080
HEALTHCHECK --interval=30s CMD ["/server", "-health"]
ENTRYPOINT ["/server"]
