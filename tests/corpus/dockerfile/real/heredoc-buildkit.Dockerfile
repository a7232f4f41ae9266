# syntax=docker/dockerfile:1
FROM ubuntu:24.04
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends curl=8.5.0-2ubuntu10
rm -rf /var/lib/apt/lists/*
EOF
COPY <<-EOT /etc/app/config.ini
	[server]
	port = 8080
	EOT
RUN <<SCRIPT bash
pip install flask
SCRIPT
USER 65532:65532
CMD ["/usr/bin/app"]
